#!/usr/bin/env bash
# Installs what run.sh and test.sh need on a fresh clone: Azurite from package-lock.json (npm ci),
# and the NuGet packages (restored by the first dotnet build).
# Sourced by both; quiet unless something fails.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is not installed ($2)" >&2; exit 1; }; }
need node "Node 20 or later"
need npm "comes with Node"
need dotnet ".NET SDK 10"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# npm ci again only when package-lock.json changed since the last install.
stamp=node_modules/.orgfunctions-lock.sha
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sha" ]; then
  echo "Installing dev tools (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sha" > "$stamp"
fi
