#!/usr/bin/env bash
# The deployment package of the function app (Azure Functions .NET isolated worker, Linux, Flex Consumption):
#
#   bash infra/publish.sh [OUT]              -> OUT/powerfunctions.zip (OUT defaults to ./artifacts)
#
# 1. dotnet publish of the App (Release, framework-dependent: the plan's dotnet-isolated 10.0 stack runs it)
# 2. package: checks the Worker SDK's layout (host.json, functions.metadata, worker.config.json and the
#    worker it names, extensions.json, .azurefunctions/ with the host-side extensions), leaves out local.settings.json, and zips the folder with host.json at
#    the root.
#
# Deploy: az functionapp deployment source config-zip -g RG -n APP --src OUT/powerfunctions.zip
#   (on Flex Consumption this is a one-deploy of the same zip).
#
# The package step alone, on a folder already built or published (the tests run it on the build output):
#   bash infra/publish.sh --package APP_DIR OUT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() { echo "publish: $*" >&2; exit 1; }

# package APP_DIR OUT: checks the isolated-worker layout of APP_DIR and writes OUT/powerfunctions.zip.
package() {
  local app_dir="$1" out="$2"
  [ -d "$app_dir" ] || fail "no app folder: $app_dir"
  local file
  for file in host.json functions.metadata worker.config.json extensions.json PowerFunctions.App.dll; do
    [ -f "$app_dir/$file" ] || fail "$app_dir has no $file (is it the output of a build of functions/PowerFunctions.App?)"
  done
  [ -n "$(ls -A "$app_dir/.azurefunctions" 2>/dev/null)" ] || fail "$app_dir has no .azurefunctions/ (the host-side extensions the Worker SDK builds)"

  local count worker
  count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$app_dir/functions.metadata")"
  [ "$count" -gt 0 ] || fail "functions.metadata lists no function"
  worker="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["description"]["defaultWorkerPath"])' "$app_dir/worker.config.json")"
  [ -f "$app_dir/$worker" ] || fail "worker.config.json runs '$worker', which the package does not hold"
  python3 - "$app_dir/host.json" <<'PY' || fail "host.json is not the isolated worker's (no customHandler, no extensionBundle, version 2.0)"
import json, sys
host = json.load(open(sys.argv[1]))
sys.exit(0 if host.get("version") == "2.0" and "customHandler" not in host and "extensionBundle" not in host else 1)
PY

  local stage
  stage="$(mktemp -d)"
  cp -R "$app_dir/." "$stage/"
  rm -f "$stage/local.settings.json"

  mkdir -p "$out"
  local zip_path
  zip_path="$(cd "$out" && pwd)/powerfunctions.zip"
  rm -f "$zip_path"
  (cd "$stage" && zip -q -r -X "$zip_path" .)
  echo "$zip_path: $count functions, $(du -sh "$stage" | cut -f1) unpacked"
  rm -rf "$stage"
}

if [ "${1:-}" = "--package" ]; then
  [ $# -eq 3 ] || fail "usage: publish.sh --package APP_DIR OUT"
  package "$2" "$3"
  exit 0
fi

out="${1:-$root/artifacts}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "publish: dotnet publish (Release, isolated worker)"
dotnet publish "$root/functions/PowerFunctions.App/PowerFunctions.App.csproj" -c Release \
  -p:GenerateDocumentationFile=false -o "$work/app" --nologo -v quiet

package "$work/app" "$out"
