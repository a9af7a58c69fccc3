#!/usr/bin/env bash
# Runs the app locally: Azurite on its standard ports (10000 blob, 10001 queue, 10002 table) with its data
# in .azurite/, the development mail server smtp4dev (SMTP 127.0.0.1:2525, what was sent on http://127.0.0.1:5000),
# then the app on the local host (http://127.0.0.1:7071/api/...). Ctrl-C or SIGTERM stops them all.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
source eng/scripts/prepare.sh
# smtp4dev, pinned in .config/dotnet-tools.json (only run.sh needs it; the tests have their own SMTP receiver).
dotnet tool restore >/dev/null

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck --loose \
  --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
azurite_pid=$!
app_pid=""
smtp4dev_pid=""
stop() {
  trap - INT TERM EXIT
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$smtp4dev_pid" ] && kill "$smtp4dev_pid" 2>/dev/null && wait "$smtp4dev_pid" 2>/dev/null || true
  kill "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/10000 && exec 3<>/dev/tcp/127.0.0.1/10001 && exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
    break
  fi
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite failed to start (are ports 10000-10002 in use?)" >&2; exit 1; }
  sleep 0.1
done
echo "Azurite: blob http://127.0.0.1:10000, queue http://127.0.0.1:10001, table http://127.0.0.1:10002 (data in .azurite/)"

# The development mail server: loopback only, messages in memory, no IMAP/POP3; the app's Email settings default to it.
mkdir -p .smtp4dev
dotnet tool run smtp4dev --smtpport=2525 --urls=http://127.0.0.1:5000 --bindaddress=127.0.0.1 --hostname=localhost \
  --db= --imapport= --pop3port= --nousersettings --baseappdatapath="$root/.smtp4dev" > .smtp4dev/smtp4dev.log 2>&1 &
smtp4dev_pid=$!
for _ in $(seq 1 600); do
  if (exec 3<>/dev/tcp/127.0.0.1/2525 && exec 3<>/dev/tcp/127.0.0.1/5000) 2>/dev/null; then
    break
  fi
  kill -0 "$smtp4dev_pid" 2>/dev/null || { echo "smtp4dev failed to start (are ports 2525 and 5000 in use? see .smtp4dev/smtp4dev.log)" >&2; exit 1; }
  sleep 0.1
done
echo "smtp4dev: SMTP 127.0.0.1:2525; the emails the app sent: http://127.0.0.1:5000"

if [ -f src/OrgFunctions.LocalHost/OrgFunctions.LocalHost.csproj ]; then
  # Build, then start the host itself (not through `dotnet run`), so that the signal stop() sends reaches it.
  dotnet build src/OrgFunctions.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q
  # The payment vault is the local host's stand-in (docs/decisions/0024-payment-vault.md), at PaymentVault:BaseUrl's default.
  dotnet src/OrgFunctions.LocalHost/bin/Release/net10.0/OrgFunctions.LocalHost.dll --LocalHost:PaymentVaultStandIn=true "$@" &
  app_pid=$!
  wait "$app_pid"
else
  echo "The local host does not exist yet; Azurite runs until Ctrl-C."
  wait "$azurite_pid"
fi
