#!/bin/sh
# Prints how long the normalise stage takes on a 10-page accent-stripped document (full OCR repair).
# Usage: bench/normalize.sh   (from the repository root)
set -e
dotnet run -c Release --project bench/NormalizeBench -- testdata/seeds
