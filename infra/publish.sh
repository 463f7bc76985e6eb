#!/usr/bin/env bash
# The deployment package for Azure Functions (custom handler, Linux, Flex Consumption or any plan):
#
#   bash infra/publish.sh [OUT]          -> OUT/powerfunctions.zip (OUT defaults to ./artifacts)
#
# 1. dotnet publish of the App, self-contained for linux-x64 (no .NET needed on the host) -> app/
# 2. emit-functions with the published binary -> <FunctionName>/function.json for every function
# 3. layout: host.json at the root (customHandler runs app/PowerFunctions.App), app/, the function
#    folders (the document fonts are inside the app, their licences in app/fonts/); zipped with the
#    executable bit kept.
#
# Deploy: az functionapp deployment source config-zip -g RG -n APP --src OUT/powerfunctions.zip
#   (Flex Consumption: az functionapp deployment source config-zip ... uses one-deploy as well.)
#
# The layout step alone (tests use it on a fake app folder and emitted functions):
#   bash infra/publish.sh --layout APP_DIR FUNCTIONS_DIR OUT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() { echo "publish: $*" >&2; exit 1; }

# layout APP_DIR FUNCTIONS_DIR OUT: assembles and checks the package, writes OUT/powerfunctions.zip.
layout() {
  local app_dir="$1" functions_dir="$2" out="$3"
  [ -d "$app_dir" ] || fail "no app folder: $app_dir"
  [ -d "$functions_dir" ] || fail "no functions folder: $functions_dir"
  [ -f "$app_dir/PowerFunctions.App" ] || fail "$app_dir has no PowerFunctions.App executable (publish for linux-x64)"
  local stage
  stage="$(mktemp -d)"

  cp "$root/host.json" "$stage/host.json"
  mkdir -p "$stage/app"
  cp -R "$app_dir/." "$stage/app/"
  chmod +x "$stage/app/PowerFunctions.App"

  local count=0
  for folder in "$functions_dir"/*/; do
    local name
    name="$(basename "$folder")"
    [ -f "$folder/function.json" ] || fail "$name has no function.json"
    [ ! -e "$stage/$name" ] || fail "function '$name' collides with a package folder"
    mkdir -p "$stage/$name"
    cp "$folder/function.json" "$stage/$name/function.json"
    count=$((count + 1))
  done
  [ "$count" -gt 0 ] || fail "no functions in $functions_dir"

  # host.json must run what the package holds.
  local exe
  exe="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["customHandler"]["description"]["defaultExecutablePath"])' "$stage/host.json")"
  [ -x "$stage/$exe" ] || fail "host.json runs '$exe', which the package does not hold as an executable"

  mkdir -p "$out"
  local zip_path
  zip_path="$(cd "$out" && pwd)/powerfunctions.zip"
  rm -f "$zip_path"
  (cd "$stage" && zip -q -r -X "$zip_path" .)
  echo "$zip_path: $count functions, app/ $(du -sh "$stage/app" | cut -f1)"
  rm -rf "$stage"
}

if [ "${1:-}" = "--layout" ]; then
  [ $# -eq 4 ] || fail "usage: publish.sh --layout APP_DIR FUNCTIONS_DIR OUT"
  layout "$2" "$3" "$4"
  exit 0
fi

out="${1:-$root/artifacts}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "publish: self-contained linux-x64 build"
dotnet publish "$root/functions/PowerFunctions.App/PowerFunctions.App.csproj" -c Release -r linux-x64 --self-contained true \
  -p:UseAppHost=true -p:GenerateDocumentationFile=false -o "$work/app" --nologo -v quiet

echo "publish: function.json of every function"
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  "$work/app/PowerFunctions.App" emit-functions --out "$work/functions" >/dev/null
else
  dotnet run --project "$root/functions/PowerFunctions.App" -c Release -- emit-functions --out "$work/functions" >/dev/null
fi

layout "$work/app" "$work/functions" "$out"
