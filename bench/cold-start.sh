#!/usr/bin/env bash
# Size and cold start of the published bootstrap: spawn → first response PUT under a loopback Runtime API,
# median of 10 fresh processes (the Cold_start_and_size_figures test). Builds the bootstrap with the Makefile
# unless FARGATE_API_BOOTSTRAP names one already built.
#   bench/cold-start.sh                      # builds into a temporary directory first
#   FARGATE_API_BOOTSTRAP=/tmp/p/bootstrap bench/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${FARGATE_API_BOOTSTRAP:-}" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  make --no-print-directory build-ProviderFunction ARTIFACTS_DIR="$out"
  export FARGATE_API_BOOTSTRAP="$out/bootstrap"
fi
dotnet test test/FargateApi.IntegrationTests/FargateApi.IntegrationTests.csproj \
  --filter "FullyQualifiedName~Cold_start_and_size_figures" --logger "console;verbosity=detailed" \
  | grep -E "BENCH|bootstrap size|cold start|Passed|Failed"
