#!/usr/bin/env python3
"""One resource's life against moto_server, driven as CloudFormation drives the published bootstrap: calls and wall time
per phase, so that the lifecycle figures are not only the simulation's.

The bootstrap runs as one warm Lambda environment: a loopback Runtime API hands it the CloudFormation events one at a
time (with the invoked function ARN in Lambda-Runtime-Invoked-Function-Arn, as Lambda does), and a loopback "bucket"
takes the response PUT. Its AWS calls go to moto (AWS_ENDPOINT_URL), started through the integration tests' own
test/FargateApi.IntegrationTests/Moto/Scripts/moto_server_fixed.py (moto 5.2.1 plus the fixes documented there) with
moto's request recorder on; the calls of a phase are the requests moto recorded while it ran. Wall time is the event
handed over -> the response PUT arriving. Phases: Create; Update in place (new image tag); Update replacing (new
container port: a new generation); Delete of the old generation (as CloudFormation does after the update); Delete.

Not a test: it prints figures and fails only if a phase does not answer SUCCESS. moto answers in about a millisecond and
completes deployments at once (MOTO_ECS_SERVICE_RUNNING), so the figures are the provider's own work and its call
pattern, with the provider's real poll and back-off delays (they show where the provider waits on moto's state).
Usage: bench/moto-bench.py BOOTSTRAP [OTHER ...] [RUNS]   (bench/moto-bench.sh builds the bootstrap first; OTHER
bootstraps take turns with it on the same moto, and the ratios of their wall-time medians are printed)
"""
import base64
import collections
import http.server
import json
import os
import queue
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "test", "FargateApi.IntegrationTests", "Moto", "Scripts")
REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's fixed account (moto.core DEFAULT_ACCOUNT_ID)
FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:fargate-api-provider"
DESIRED_COUNT = 2
PHASE_TIMEOUT = 600


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # The killed bootstrap resets its idle keep-alive connection: expected.


class Lambda:
    """The loopback Runtime API (GET next, POST response/error) and the ResponseURL bucket, on one port."""

    def __init__(self):
        self.events = queue.Queue()
        self.answers = {}
        self.answered = threading.Condition()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                if not self.path.endswith("/invocation/next"):
                    return self.reply(404)
                request_id, body = owner.events.get()
                self.send_response(200)
                self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
                self.send_header("Lambda-Runtime-Deadline-Ms", str(int((time.time() + 900) * 1000)))
                self.send_header("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.endswith("/error"):
                    owner.answer(self.path.split("/")[-2], {"Status": "INVOCATION_ERROR", "Reason": body.decode(errors="replace")})
                self.reply(202)

            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                request_id = urllib.parse.urlparse(self.path).path.rsplit("/", 1)[-1]
                owner.answer(request_id, json.loads(body))
                self.reply(200)

            def reply(self, status):
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"127.0.0.1:{self.server.server_address[1]}"

    def answer(self, request_id, response):
        with self.answered:
            self.answers[request_id] = (time.perf_counter(), response)
            self.answered.notify_all()

    def send(self, event):
        """Hands one event over and waits for the answer it PUT: (seconds, response)."""
        request_id = event["RequestId"]
        event["ResponseURL"] = f"http://{self.endpoint}/cfn/{request_id}?X-Amz-Signature=abc123"
        started = time.perf_counter()
        self.events.put((request_id, json.dumps(event).encode()))
        with self.answered:
            if not self.answered.wait_for(lambda: request_id in self.answers, PHASE_TIMEOUT):
                raise RuntimeError(f"{event['RequestType']} got no answer within {PHASE_TIMEOUT} s")
            at, response = self.answers[request_id]
        return at - started, response


def start_moto(recording):
    port = free_port()
    env = dict(os.environ, MOTO_ENABLE_RECORDING="True", MOTO_RECORDER_FILEPATH=recording,
               MOTO_ECS_SERVICE_RUNNING=str(DESIRED_COUNT))
    moto = subprocess.Popen([sys.executable, os.path.join(SCRIPTS, "moto_server_fixed.py"), "-H", "127.0.0.1", "-p", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/data.json", timeout=2).read()
            return moto, endpoint
        except OSError:
            if moto.poll() is not None or time.time() > deadline:
                raise RuntimeError("moto_server did not start")
            time.sleep(0.1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recorded(recording):
    """moto's recorder: one JSON object per request served, oldest first."""
    if not os.path.exists(recording):
        return []
    with open(recording) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def operation(entry):
    headers = {name.lower(): value for name, value in (entry.get("headers") or {}).items()}
    if "x-amz-target" in headers:
        return headers["x-amz-target"].rsplit(".", 1)[-1]
    body = entry.get("body") or ""
    if entry.get("body_encoded"):
        body = base64.b64decode(body).decode(errors="replace")
    action = urllib.parse.parse_qs(body).get("Action") or urllib.parse.parse_qs(urllib.parse.urlparse(entry.get("url", "")).query).get("Action")
    return action[0] if action else f"{entry.get('method')} {urllib.parse.urlparse(entry.get('url', '')).path}"


def properties(prefix, **changes):
    """As the integration tests' CloudFormationEvents.Properties (template values arrive as strings)."""
    values = {
        "ServiceToken": FUNCTION_ARN, "ProjectPrefix": prefix, "Environment": "test", "ServiceName": "api", "Cpu": "256", "Memory": "512",
        "ImageRepository": f"{prefix}/api", "ImageTag": "1.0.0", "ContainerPort": "8000", "EnvironmentVariables": {"MODE": "test"},
        "Secrets": {"DB_PASSWORD": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{prefix}/db-AbCdEf"},
        "HealthCheck": {"Command": ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"]}, "LogRetentionDays": "14",
        "DesiredCount": str(DESIRED_COUNT), "Deployment": {"MinimumHealthyPercent": "50", "MaximumPercent": "200", "HealthCheckGracePeriodSeconds": "45"},
        "EnableExecuteCommand": "true", "TargetHealthCheck": {"Path": "/health", "IntervalSeconds": "20", "HealthyHttpCodes": "200-299"},
        "DeregistrationDelaySeconds": "15", "PathPatterns": ["/api/*"], "Priority": "10",
        "AutoScaling": {"MinCapacity": "1", "MaxCapacity": "4", "RequestsPerTarget": "500"},
        "Grants": {"DynamoDbTables": [f"{prefix}-items"], "S3Buckets": [f"{prefix}-files"]}, "Tags": {"team": "platform"},
        "WaitForSteadyState": "false",
    }
    values.update(changes)
    return values


def event(request_type, stack_id, props, physical_id=None, old=None):
    body = {"RequestType": request_type, "ServiceToken": FUNCTION_ARN, "StackId": stack_id, "RequestId": str(uuid.uuid4()),
            "LogicalResourceId": "ApiService", "ResourceType": "Custom::FargateApi", "ResourceProperties": props}
    if physical_id is not None:
        body["PhysicalResourceId"] = physical_id
    if old is not None:
        body["OldResourceProperties"] = old
    return body


def lifecycle(runtime, endpoint, recording, run):
    prefix = f"mb{run}"
    subprocess.run([sys.executable, os.path.join(SCRIPTS, "seed_network.py"), "--endpoint", endpoint, "--prefix", prefix],
                   check=True, stdout=subprocess.DEVNULL)
    stack_id = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{prefix}-shop/5b2c8f10-1111-2222-3333-{run:012d}"
    v1 = properties(prefix)
    v2 = properties(prefix, ImageTag="1.1.0")
    v3 = properties(prefix, ImageTag="1.1.0", ServiceName="web")
    results = []

    def phase(name, cfn_event):
        before = len(recorded(recording))
        seconds, response = runtime.send(cfn_event)
        if response.get("Status") != "SUCCESS":
            raise RuntimeError(f"{name}: {response.get('Status')} {response.get('Reason')}")
        calls = [operation(entry) for entry in recorded(recording)[before:]]
        results.append((name, len(calls), seconds * 1000, collections.Counter(calls)))
        return response["PhysicalResourceId"]

    first = phase("Create", event("Create", stack_id, v1))
    phase("Update in place (image)", event("Update", stack_id, v2, first, v1))
    second = phase("Update replacing (rename)", event("Update", stack_id, v3, first, v2))
    if second == first:
        raise RuntimeError("the rename did not replace the generation")
    phase("Delete old generation", event("Delete", stack_id, v2, first))
    phase("Delete", event("Delete", stack_id, v3, second))
    return results


def start_provider(bootstrap, endpoint, logs):
    """One warm Lambda environment running the bootstrap: (its Runtime API, the process, its log path)."""
    runtime = Lambda()
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    # Events are not CloudFormation's here (no stack exists in moto): verification off, as the README says for emulators.
    env.update(AWS_LAMBDA_RUNTIME_API=runtime.endpoint, FARGATE_API_ALLOW_HTTP_RESPONSE_URL="1", FARGATE_API_VERIFY_EVENTS="0", AWS_ENDPOINT_URL=endpoint,
               AWS_REGION=REGION, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_CONFIG_FILE="/dev/null")
    log_path = os.path.join(logs, f"bootstrap-{len(os.listdir(logs))}.log")
    with open(log_path, "w") as log:
        process = subprocess.Popen([bootstrap], env=env, stdout=log, stderr=subprocess.STDOUT)
    return runtime, process, log_path


def table(bootstrap, all_runs):
    print(f"{bootstrap} ({os.path.getsize(bootstrap)} bytes):")
    print()
    print("| Phase | Calls | Wall (median) | Wall (min–max) |")
    print("|---|---:|---:|---:|")
    for index, (name, _, _, _) in enumerate(all_runs[0]):
        calls = "/".join(str(c) for c in sorted({r[index][1] for r in all_runs}))
        walls = [r[index][2] for r in all_runs]
        print(f"| {name} | {calls} | {statistics.median(walls):.0f} ms | {min(walls):.0f}–{max(walls):.0f} ms |")
    print()
    print("Calls per phase by operation (first lifecycle):")
    for name, count, _, operations in all_runs[0]:
        print(f"- {name} ({count}): " + ", ".join(f"{op} {n}" for op, n in sorted(operations.items(), key=lambda item: (-item[1], item[0]))))
    print()


def main():
    # BOOTSTRAP [OTHER ...] [RUNS]: several bootstraps take turns, one lifecycle each per round on the same moto, so that a
    # change in the shared machine's speed hits them alike; the ratios of their medians to the first one's come last.
    arguments = sys.argv[1:]
    if not arguments:
        sys.exit(__doc__)
    runs = int(arguments.pop()) if len(arguments) > 1 and arguments[-1].isdigit() else 3
    bootstraps = arguments
    work = tempfile.mkdtemp(prefix="moto-bench-")
    recording = os.path.join(work, "recording.jsonl")
    moto, endpoint = start_moto(recording)
    providers = {}
    results = {bootstrap: [] for bootstrap in bootstraps}
    loads = [os.getloadavg()[0]]
    try:
        for bootstrap in bootstraps:
            providers[bootstrap] = start_provider(bootstrap, endpoint, work)
        for run in range(runs):
            for index, bootstrap in enumerate(bootstraps):
                results[bootstrap].append(lifecycle(providers[bootstrap][0], endpoint, recording, run * len(bootstraps) + index))
            loads.append(os.getloadavg()[0])
    except Exception:
        for _, _, log_path in providers.values():
            with open(log_path) as said:
                sys.stderr.write(said.read()[-4000:])
        raise
    finally:
        for _, process, _ in providers.values():
            process.kill()
            process.wait()
        moto.kill()
        moto.wait()

    print(f"Against moto_server_fixed.py, {runs} lifecycles per bootstrap{', alternating' if len(bootstraps) > 1 else ''}, each bootstrap "
          f"one warm Lambda environment; load (1-minute average) during the runs {min(loads):.2f}-{max(loads):.2f}")
    print()
    for bootstrap in bootstraps:
        table(bootstrap, results[bootstrap])
    first = results[bootstraps[0]]
    for other in bootstraps[1:]:
        ratios = []
        for index, (name, _, _, _) in enumerate(first[0]):
            mine = statistics.median(r[index][2] for r in results[other])
            theirs = statistics.median(r[index][2] for r in first)
            ratios.append(f"{name} {mine / theirs:.2f}")
        print(f"Wall-time medians of {other} / {bootstraps[0]}: " + ", ".join(ratios))


if __name__ == "__main__":
    main()
