#!/usr/bin/env bash
# Runs the benchmark (bench/README.md): its own in-memory Azurite on free ports, the app in process, a 10,000-org
# tree; prints the app's latency as ratios over raw Table Storage operations measured in the same run.
#   ./bench.sh            the full run (a few minutes on 2 cores)
#   ./bench.sh --quick    a tiny tree and a few samples: checks that it runs, measures nothing
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
source eng/scripts/prepare.sh
dotnet build bench/OrgFunctions.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q
dotnet bench/OrgFunctions.Benchmarks/bin/Release/net10.0/OrgFunctions.Benchmarks.dll "$@"
