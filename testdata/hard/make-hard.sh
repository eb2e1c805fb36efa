#!/usr/bin/env bash
# make-hard.sh [OUTDIR] - (re)makes the hard-scan fixtures from texts/ (see make-hard.py, README.md).
# Installs what it needs from Debian (python3-pil, python3-numpy, fonts-liberation2) when missing.
# Debian's own python3 is used: a pyenv or venv python on PATH has no access to Debian's modules.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
missing=()
for p in python3-pil python3-numpy fonts-liberation2; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
exec /usr/bin/python3 "$HERE/make-hard.py" "$@"
