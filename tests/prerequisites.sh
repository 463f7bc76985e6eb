#!/usr/bin/env bash
# Installs what the tests need and a fresh machine of ours lacks. Idempotent and quiet when all is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_apt=()
command -v qpdf >/dev/null 2>&1 || need_apt+=(qpdf)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)            # tests/run's check of the run command
command -v zip >/dev/null 2>&1 || need_apt+=(zip)              # infra/publish.sh
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)      # tests/run, infra/publish.sh
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)   # the SM2 interop tests
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing Debian packages: ${need_apt[*]} (run as root or install them)" >&2
    exit 1
  fi
fi

# Azurite (the Azure Storage emulator) for the Azure adapter's tests, from npm, into tests/azurite.
if [ -f "$root/tests/azurite/package.json" ] && [ ! -x "$root/tests/azurite/node_modules/.bin/azurite" ]; then
  (cd "$root/tests/azurite" && npm install --no-audit --no-fund --silent >/dev/null)
fi
