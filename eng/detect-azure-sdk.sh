#!/usr/bin/env bash
# Decides the Azure SDK build mode (DESIGN §2) and records it in .azure-sdk-mode.
#   nuget    every real Azure package restores from this machine's NuGet sources
#   offline  one of them does not: eng/OfflineAzureSdk is compiled in their place
# AzureSdk=nuget|offline in the environment forces a mode. The record is reused until deleted.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
record="$root/.azure-sdk-mode"

if [ -n "${AzureSdk:-}" ]; then
  echo "$AzureSdk" > "$record"
elif [ ! -f "$record" ]; then
  out=$(mktemp -d)
  if timeout 300 dotnet restore "$root/eng/NuGetProbe/NuGetProbe.csproj" \
       -p:BaseIntermediateOutputPath="$out/" -p:MSBuildProjectExtensionsPath="$out/" >"$out/log" 2>&1; then
    echo nuget > "$record"
  else
    echo offline > "$record"
  fi
  rm -rf "$out"
fi
cat "$record"
