#!/usr/bin/env bash
# Regenerates src/FargateApi.Lambda/ColdStart.order, the managed methods the bootstrap runs on the benchmark's job
# (bench/bootstrap-bench.py: an invalid Create answered FAILED), which the Native AOT compiler lays out first
# (IlcOrderFile). Run it after changing what runs before the first response; a stale list only costs memory, since
# methods it does not name are laid out after the listed ones as before. Needs valgrind (callgrind).
#   bench/cold-start-order.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# As the Makefile builds, but keeping the symbol table (names are what the list holds) and without the current list.
tar --exclude=bin --exclude=obj -cf - global.json Directory.Build.props Directory.Packages.props .editorconfig src | tar -xf - -C "$scratch"
dotnet publish "$scratch/src/FargateApi.Lambda/FargateApi.Lambda.csproj" -c Release -r linux-x64 -o "$scratch/publish" \
  -p:StripSymbols=false -p:IlcOrderFile= -nologo -v minimal
# valgrind cannot read the compiler's DWARF; it needs only the symbol table.
objcopy --strip-debug "$scratch/publish/bootstrap" "$scratch/bootstrap"
python3 bench/cold-start-order.py "$scratch/bootstrap" src/FargateApi.Lambda/ColdStart.order
