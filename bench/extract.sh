#!/bin/sh
# Median extraction time of a 10-page plan whose text is already read (issue 4 asks for < 50 ms).
#   sh bench/extract.sh [DOCUMENTS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dotnet run -c Release --project "$here/ExtractBench" -- "$here/.." "${1:-300}"
