#!/usr/bin/env bash
# One resource's life against moto_server, driven as CloudFormation drives the published bootstrap: calls (moto's
# request recorder) and wall time per phase (Create, Update in place, Update replacing, Delete old generation, Delete).
#   bench/moto-bench.sh [RUNS]                                  # builds the bootstrap into a temporary directory first
#   FARGATE_API_BOOTSTRAP=/tmp/p/bootstrap bench/moto-bench.sh 3
#   FARGATE_API_COMPARE="/tmp/before/bootstrap" bench/moto-bench.sh 5   # alternate with other builds, print ratios
# Needs python3 with moto[server] 5.2.1 and boto3, as the integration tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${FARGATE_API_BOOTSTRAP:-}" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  make --no-print-directory build-ProviderFunction ARTIFACTS_DIR="$out"
  FARGATE_API_BOOTSTRAP="$out/bootstrap"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # FARGATE_API_COMPARE is a list of paths.
python3 bench/moto-bench.py "$FARGATE_API_BOOTSTRAP" ${FARGATE_API_COMPARE:-} "${1:-3}"
