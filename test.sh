#!/usr/bin/env bash
# Runs every test: builds the solution, runs each test project (Azurite is started by the tests
# themselves on free ports), then the Node checks under tests/node, and ends with one line:
#   N passed, N failed, N skipped
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Tables".
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
source eng/scripts/prepare.sh

results=$(mktemp -d)
# Test processes stop their in-memory Azurite on exit; one that died abruptly can't, so sweep this checkout's
# in-memory instances at the end (run.sh's Azurite keeps its data on disk and is left alone).
cleanup() {
  rm -rf "$results"
  pkill -f "$root/node_modules/azurite/dist/src/azurite.js .*--inMemoryPersistence" 2>/dev/null || true
}
trap cleanup EXIT

dotnet build OrgFunctions.sln -c Release -nologo -clp:ErrorsOnly -v:q

set +e
dotnet test OrgFunctions.sln -c Release --no-build -nologo \
  "$@" 2>&1 | tee "$results/dotnet-test.log"
dotnet_rc=${PIPESTATUS[0]}
set -e

node_passed=0; node_failed=0; node_skipped=0
if [ "$#" -eq 0 ] && compgen -G "tests/node/*.test.mjs" >/dev/null; then
  set +e
  node --test --test-reporter=tap tests/node/ > "$results/node.tap" 2>&1
  node_rc=$?
  set -e
  cat "$results/node.tap" | grep -E '^# (pass|fail|skip|tests)|^not ok' || true
  node_passed=$(sed -n 's/^# pass //p' "$results/node.tap" | tail -1); node_passed=${node_passed:-0}
  node_failed=$(sed -n 's/^# fail //p' "$results/node.tap" | tail -1); node_failed=${node_failed:-0}
  node_skipped=$(sed -n 's/^# skip //p' "$results/node.tap" | tail -1); node_skipped=${node_skipped:-0}
  if [ "$node_rc" -ne 0 ] && [ "$node_failed" -eq 0 ]; then node_failed=1; fi
fi

# Sum the per-assembly lines: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...".
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$results/dotnet-test.log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
if [ "$dotnet_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $dotnet_rc without a failed test: counting it as a failure." >&2
  failed=1
fi
passed=$((passed + node_passed)); failed=$((failed + node_failed)); skipped=$((skipped + node_skipped))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
