#!/usr/bin/env python3
"""Lists the managed methods a bootstrap (built with its symbol table) runs on the cold-start benchmark's job.

Runs one cold start of bench/bootstrap-bench.py under valgrind's callgrind, which counts every function executed, and
keeps those that the Native AOT compiler placed in the managed code section, by their symbol (mangled) names, which
are the names ILC's --order file takes. Sorted, so a regenerated list diffs by what changed.
Usage: bench/cold-start-order.py BOOTSTRAP_WITH_SYMBOLS OUTPUT   (bench/cold-start-order.sh builds one and calls this)
"""
import importlib.util
import os
import re
import signal
import subprocess
import sys
import tempfile

MANAGED_CODE_SECTION = "__managedcode"


def load_bench():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bootstrap-bench.py")
    spec = importlib.util.spec_from_file_location("bootstrap_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def section_bounds(binary, name):
    headers = subprocess.run(["readelf", "-S", "-W", binary], check=True, capture_output=True, text=True).stdout
    for line in headers.splitlines():
        match = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if match and match.group(1) == name:
            start = int(match.group(2), 16)
            return start, start + int(match.group(3), 16)
    raise SystemExit(f"{binary} has no {name} section")


def managed_symbols(binary):
    start, end = section_bounds(binary, MANAGED_CODE_SECTION)
    table = subprocess.run(["nm", "--defined-only", binary], check=True, capture_output=True, text=True).stdout
    names = set()
    for line in table.splitlines():
        address, _, name = line.split(" ", 2)
        if start <= int(address, 16) < end:
            names.add(name)
    if not names:
        raise SystemExit(f"{binary} has no symbols in {MANAGED_CODE_SECTION}: build it with StripSymbols=false")
    return names


def executed_functions(profile):
    # --threshold=100 lists every function with a nonzero count, as "<count> (<share>)  <file>:<function> [<object>]".
    report = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", profile],
                            check=True, capture_output=True, text=True).stdout
    names = set()
    for line in report.splitlines():
        match = re.match(r"\s*[\d,]+ \([^)]*\)\s+[^:]*:(.*?)(?:'\d+)? \[[^\]]*\]$", line)
        if match:
            names.add(match.group(1))
    return names


def main():
    binary, output = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, "callgrind.out")
        # SIGTERM lets the process exit normally, which is when callgrind writes its counts.
        load_bench().run_once(binary, wrapper=["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}"],
                              stop_signal=signal.SIGTERM, timeout=600)
        executed = executed_functions(profile)
    methods = sorted(executed & managed_symbols(binary))
    with open(output, "w") as file:
        file.write("".join(f"{name}\n" for name in methods))
    print(f"{output}: {len(methods)} managed methods run before the first response")


if __name__ == "__main__":
    main()
