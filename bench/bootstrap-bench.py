#!/usr/bin/env python3
"""Cold start and peak memory of the published bootstrap, outside any test framework.

Each run spawns a fresh `bootstrap` against a loopback Lambda Runtime API that hands it one Create event with invalid
properties (answered FAILED without any AWS call, so no credentials are needed) and a loopback bucket for the
response PUT. Start-up = spawn -> the first GET /invocation/next arriving; cold start = spawn -> the PUT arriving;
peak memory = VmHWM from /proc/<pid>/status once the invocation has been reported (the process is idle in
/invocation/next by then), then the process is killed.
Usage: bench/bootstrap-bench.py BOOTSTRAP [OTHER ...] [RUNS]   (bench/bootstrap-bench.sh builds one first)
bench/cold-start-order.py runs the same job under a profiler (run_once's wrapper and stop_signal).
"""
import http.server
import json
import os
import signal
import socketserver
import statistics
import subprocess
import sys
import threading
import time


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # The killed bootstrap resets its idle keep-alive connection: expected, not news.


def serve(handler):
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cpu_ms(pid):
    """CPU time of all the process's threads so far (schedstat: nanoseconds on a CPU). Other engineers' load on the
    shared cores stretches the wall-clock figures; it hardly changes this one."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as schedstat:
            total += int(schedstat.read().split()[0])
    return total / 1e6


def run_once(bootstrap, wrapper=(), stop_signal=signal.SIGKILL, timeout=60):
    """One cold start. A wrapper (a profiler's command line) runs the bootstrap under it; SIGTERM then lets it exit
    normally so the profiler writes its report, where SIGKILL (the default) measures nothing after the answer."""
    state = {"event_sent": False, "next_at": None, "put_at": None, "reported": threading.Event()}

    class Bucket(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state["put_at"] = time.perf_counter()
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    bucket = serve(Bucket)
    event = json.dumps({
        "RequestType": "Create",
        "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:provider",
        "ResponseURL": f"http://127.0.0.1:{bucket.server_address[1]}/cfn/response?X-Amz-Signature=abc123",
        "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/shop/5b2c8f10-1111-2222-3333-444455556666",
        "RequestId": "bench-cold-start",
        "LogicalResourceId": "ApiService",
        "ResourceType": "Custom::FargateApi",
        "ResourceProperties": {"ProjectPrefix": "acme", "ServiceName": "api", "Cpu": "256", "Memory": "4096", "Priority": "1"},
    }).encode()

    class Runtime(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if state["next_at"] is None:
                state["next_at"] = time.perf_counter()
            if state["event_sent"]:
                time.sleep(3600)  # Lambda blocks /next until the next event; the process is killed before.
            state["event_sent"] = True
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", "bench-1")
            self.send_header("Lambda-Runtime-Deadline-Ms", str(int((time.time() + 300) * 1000)))
            self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:provider")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(event)))
            self.end_headers()
            self.wfile.write(event)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()
            state["reported"].set()

        def log_message(self, *args):
            pass

    runtime = serve(Runtime)
    env = {"PATH": os.environ.get("PATH", ""), "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{runtime.server_address[1]}",
           "FARGATE_API_ALLOW_HTTP_RESPONSE_URL": "1", "AWS_REGION": "us-east-1"}
    started = time.perf_counter()
    process = subprocess.Popen([*wrapper, bootstrap], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not state["reported"].wait(timeout):
            raise RuntimeError(f"the bootstrap did not report its invocation within {timeout} s")
        with open(f"/proc/{process.pid}/status") as status:
            hwm_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        return (state["put_at"] - started) * 1000, hwm_kb / 1024, (state["next_at"] - started) * 1000, cpu_ms(process.pid)
    finally:
        process.send_signal(stop_signal)
        process.wait()
        runtime.shutdown()
        bucket.shutdown()


def figures(label, results):
    runs = len(results)

    def line(name, index, unit, digits=1):
        values = sorted(r[index] for r in results)
        return (f"{name}, {runs} runs: median {statistics.median(values):.{digits}f} {unit}, "
                f"min {values[0]:.{digits}f} {unit}, max {values[-1]:.{digits}f} {unit}")

    print(f"{label}: {os.path.getsize(label)} bytes")
    print("  " + line("start-up (spawn -> first GET /next)", 2, "ms"))
    print("  " + line("cold start (spawn -> response PUT)", 0, "ms"))
    print("  " + line("CPU time of the process until then (all threads)", 3, "ms"))
    print("  " + line("peak RSS (VmHWM after the first invocation)", 1, "MiB", 2))


def main():
    # BOOTSTRAP [OTHER ...] [RUNS]: several bootstraps run in turn, one run each per round, so that a change in the shared
    # machine's speed hits them alike; the ratios of their medians to the first one's are printed at the end.
    arguments = sys.argv[1:]
    runs = int(arguments.pop()) if len(arguments) > 1 and arguments[-1].isdigit() else 10
    bootstraps = arguments
    results = {bootstrap: [] for bootstrap in bootstraps}
    loads = []
    for _ in range(runs):
        loads.append(os.getloadavg()[0])
        for bootstrap in bootstraps:
            results[bootstrap].append(run_once(bootstrap))
    loads.append(os.getloadavg()[0])
    print(f"load (1-minute average) during the runs: {min(loads):.2f}-{max(loads):.2f}"
          + (", alternating" if len(bootstraps) > 1 else ""))
    for bootstrap in bootstraps:
        figures(bootstrap, results[bootstrap])
    first = bootstraps[0]
    for bootstrap in bootstraps[1:]:
        ratios = [statistics.median(r[i] for r in results[bootstrap]) / statistics.median(r[i] for r in results[first]) for i in (0, 3, 1)]
        print(f"{bootstrap} / {first}: cold start {ratios[0]:.2f}, CPU time {ratios[1]:.2f}, peak RSS {ratios[2]:.2f}")


if __name__ == "__main__":
    main()
