#!/usr/bin/env bash
# Installs what PlanIngest needs on a Debian machine, then restores and builds it. Idempotent: a
# second run installs nothing. Used by both README commands (scripts/run.sh and scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# OCR engine with its Vietnamese, English and orientation models; pdftoppm renders PDF pages whose
# scan images Leptonica cannot decode (CCITT G4, JBIG2).
packages=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd libtesseract5 poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi

dotnet build PlanIngest.sln -c Release -nologo -clp:ErrorsOnly -v:quiet
