#!/usr/bin/env bash
# Installs what PlanIngest needs on a Debian machine, then restores and builds it. Idempotent: a
# second run installs nothing, and builds nothing when no source changed since the last build.
# Used by both README commands (scripts/run.sh and scripts/test.sh). Nothing it does goes to stdout,
# so that `scripts/run.sh extract FILE --json | jq .` sees planingest's output alone.
# PLANINGEST_BUILD names what to build (default the whole solution; scripts/run.sh builds the app).
set -euo pipefail
cd "$(dirname "$0")/.."

# OCR engine with its Vietnamese, English and orientation models; pdftoppm renders PDF pages whose
# scan images Leptonica cannot decode (CCITT G4, JBIG2); jq reads the JSON the README pipes to it.
packages=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd libtesseract5 poppler-utils jq)
# The web page's browser tests drive Debian's Chromium (Playwright cannot download a browser here); its
# key test serves in a network namespace of its own (ip from iproute2) and asks with curl; postgresql gives
# the server binaries the scale-out tests start as a throwaway cluster of their own. Only the test
# command, which builds the whole solution, needs them, so the main job does not install them.
[ "${PLANINGEST_BUILD:-PlanIngest.sln}" = PlanIngest.sln ] && packages+=(chromium iproute2 curl postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi

target=${PLANINGEST_BUILD:-PlanIngest.sln}
stamp=".build/$(basename "$target").stamp"
inputs=(src tests bench Directory.Build.props Directory.Packages.props PlanIngest.sln)
if [ -f "$stamp" ] && [ -z "$(find "${inputs[@]}" \( -name bin -o -name obj -o -path bench/out -o -name TestResults \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
mkdir -p .build
# The stamp is dated before the build, so that a file edited while it runs is seen next time.
touch "$stamp.next"
dotnet build "$target" -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
# The solution holds the app: building it builds what scripts/run.sh needs too.
[ "$target" = PlanIngest.sln ] && cp -p "$stamp.next" .build/Ingest.Worker.csproj.stamp
mv "$stamp.next" "$stamp"
