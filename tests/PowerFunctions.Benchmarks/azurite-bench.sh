#!/usr/bin/env bash
# Submission, sweep and storage-primitive throughput on Azure Storage: each run gets a fresh in-memory Azurite
# (installed by tests/prerequisites.sh) on free loopback ports. Compare with the embedded runs:
#   dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- submit
#   dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- sweep
#   dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- storage
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/tests/prerequisites.sh"
dotnet build -c Release "$root/tests/PowerFunctions.Benchmarks" -v q --nologo >/dev/null
bench="$root/tests/PowerFunctions.Benchmarks/bin/Release/net10.0/PowerFunctions.Benchmarks.dll"
azurite="$root/tests/azurite/node_modules/azurite/dist/src/azurite.js"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

with_azurite() {
  local b q t work pid
  b=$(free_port); q=$(free_port); t=$(free_port); work=$(mktemp -d)
  (cd "$work" && exec node "$azurite" --silent --inMemoryPersistence --skipApiVersionCheck --loose --disableTelemetry \
      --blobHost 127.0.0.1 --blobPort "$b" --queueHost 127.0.0.1 --queuePort "$q" --tableHost 127.0.0.1 --tablePort "$t") &
  pid=$!
  for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/"$t") 2>/dev/null && break; sleep 0.1; done
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  local cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$b/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$q/devstoreaccount1;TableEndpoint=http://127.0.0.1:$t/devstoreaccount1;"
  dotnet "$bench" "$@" --azure "$cs" || true
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"
}

with_azurite submit --count "${COUNT:-2000}" --clients "${CLIENTS:-32}"
with_azurite sweep "${SCHEDULED:-10000}" "${DUE:-1000}"
with_azurite storage "${OPERATIONS:-2000}"
