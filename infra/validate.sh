#!/usr/bin/env bash
# Compiles and lints the Bicep (main template and both parameter files) with the Bicep CLI from NuGet
# (Azure.Bicep.CommandLine.linux-x64, pinned in infra/tools/Bicep.csproj). Fails on any error or
# linter warning. Needs no Azure login: this checks the templates, not a deployment (see README
# "Deploying the infrastructure" for `az deployment group what-if`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$here/tools/Bicep.csproj")"
dotnet restore "$here/tools/Bicep.csproj" --nologo -v q >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$bicep" build "$here/main.bicep" --outfile "$out/main.json" 2>"$out/build.log" || { cat "$out/build.log"; exit 1; }
"$bicep" lint "$here/main.bicep" 2>&1 | tee "$out/lint.log"
for p in "$here"/parameters/*.bicepparam; do
  "$bicep" build-params "$p" --outfile "$out/$(basename "$p" .bicepparam).parameters.json" 2>>"$out/build.log" || { cat "$out/build.log"; exit 1; }
done
if grep -qiE 'warning|error' "$out/build.log" "$out/lint.log"; then
  cat "$out/build.log"
  echo "infra: Bicep reported warnings" >&2
  exit 1
fi
echo "infra: main.bicep and $(ls "$here"/parameters/*.bicepparam | wc -l) parameter files compile and lint clean (Bicep $version)"
