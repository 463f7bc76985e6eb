#!/usr/bin/env bash
# Rebuilds functions/PowerFunctions.App/Fonts/ from Debian packages (see build_fonts.py for what and why).
# Run from anywhere; installs the packages when run as root. The output is byte-for-byte reproducible
# for the same package versions: `git status` after a run shows nothing when the fonts are current.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
packages=(unicode-data fonts-noto-cjk fonts-liberation2 python3-fonttools)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
fi
for p in "${packages[@]}"; do
  printf '%s %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p")"
done
exec /usr/bin/python3 "$root/tools/fonts/build_fonts.py" "$root/functions/PowerFunctions.App/Fonts"
