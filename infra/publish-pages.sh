#!/usr/bin/env bash
# Publishes the web pages (functions/PowerFunctions.App/wwwroot) to an Azure Storage static website.
# Under the Functions host every HTTP function sits under /api, so "/" and "/supervision" are served from
# the storage account's $web container instead, and the pages call the function app's /api across origins
# (CORS on the function app; see README "Web pages", Azure).
#
#   bash infra/publish-pages.sh --api https://<functionAppHostName> --layout OUT     # prepare OUT only
#   bash infra/publish-pages.sh --api https://<functionAppHostName> --account <storage account>
#
# Prepared as the app serves them: assets under /assets/<version>/ (cached a year, immutable), HTML with
# Cache-Control no-cache, the API origin written into <meta name="pf-api-base"> and added to the
# Content-Security-Policy's connect-src and img-src (the flowchart SVG comes from the API).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/functions/PowerFunctions.App/wwwroot"
api="" out="" account=""
while [ $# -gt 0 ]; do
  case "$1" in
    --api) api="${2%/}"; shift 2 ;;
    --layout) out="$2"; shift 2 ;;
    --account) account="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ "$api" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || { echo "--api must be the function app's origin, https://host" >&2; exit 2; }
[ -n "$out" ] || [ -n "$account" ] || { echo "give --layout OUT or --account NAME" >&2; exit 2; }
if [ -z "$out" ]; then out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi

version="$(cd "$src" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)"
rm -rf "$out" && mkdir -p "$out/assets/$version" "$out/supervision"
cp "$src"/assets/* "$out/assets/$version/"
for page in index.html supervision/index.html; do
  sed -e "s#\"/assets/#\"/assets/$version/#g" \
      -e "s#<meta name=\"pf-api-base\" content=\"\">#<meta name=\"pf-api-base\" content=\"$api\">#" \
      -e "s#connect-src 'self'#connect-src 'self' $api#" \
      -e "s#img-src 'self'#img-src 'self' $api#" \
      "$src/$page" > "$out/$page"
  grep -q "content=\"$api\"" "$out/$page" || { echo "$page: no pf-api-base meta to set" >&2; exit 1; }
done
cp "$out/supervision/index.html" "$out/supervision-page"
echo "pages: version $version prepared in $out"
[ -n "$account" ] || exit 0

az storage blob service-properties update --auth-mode login --account-name "$account" \
  --static-website --index-document index.html --404-document index.html >/dev/null
upload() { az storage blob upload --auth-mode login --account-name "$account" -c '$web' --overwrite --only-show-errors "$@" >/dev/null; }
az storage blob upload-batch --auth-mode login --account-name "$account" -d '$web' --destination-path "assets/$version" \
  -s "$out/assets/$version" --overwrite --only-show-errors --content-cache-control 'public, max-age=31536000, immutable' >/dev/null
upload -n index.html -f "$out/index.html" --content-type 'text/html; charset=utf-8' --content-cache-control no-cache
upload -n supervision/index.html -f "$out/supervision/index.html" --content-type 'text/html; charset=utf-8' --content-cache-control no-cache
# "/supervision" without the slash: a blob of that very name (blob names are flat, it coexists with supervision/…)
upload -n supervision -f "$out/supervision-page" --content-type 'text/html; charset=utf-8' --content-cache-control no-cache
echo "pages: uploaded to $(az storage account show -n "$account" --query primaryEndpoints.web -o tsv)"
