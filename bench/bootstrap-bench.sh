#!/usr/bin/env bash
# Size, cold start (spawn → first response PUT) and peak memory (VmHWM) of the published bootstrap, median of N fresh
# processes, with no test framework in the way (bench/cold-start.sh runs the xunit variant without memory figures).
#   bench/bootstrap-bench.sh [RUNS]                          # builds the bootstrap into a temporary directory first
#   FARGATE_API_BOOTSTRAP=/tmp/p/bootstrap bench/bootstrap-bench.sh 20
#   FARGATE_API_COMPARE="/tmp/before/bootstrap" bench/bootstrap-bench.sh 21   # alternate with other builds, print ratios
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
python3 bench/bootstrap-bench.py "$FARGATE_API_BOOTSTRAP" ${FARGATE_API_COMPARE:-} "${1:-10}"
