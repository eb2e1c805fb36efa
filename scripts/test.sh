#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test project against the real
# Tesseract engine and the real files in testdata/, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

log=$(mktemp)
dotnet test PlanIngest.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T, …"
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if ((skipped)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if ((status == 0 && failed == 0 && passed == 0)); then
  echo "no test ran" >&2
  exit 1
fi
exit $((status != 0 || failed != 0))
