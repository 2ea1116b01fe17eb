"""Section 3 of the iot-jobs benchmark: the @iot-jobs/mocks standalone server against moto_server, from Python.

Usage: python3 mock_vs_moto.py '<json config>'
  config: {"targets": {"mock": url, "moto": url?, "ceiling": url?}, "pids": {same keys: int}, "jobId": str,
           "executions": int, "thingPrefix": str, "rounds": int, "scanSeconds": float, "singleSeconds": float,
           "budgetSeconds": float}
Seeds moto (create_job with the thing ARNs as targets; things are created first only if moto insists), then,
interleaved (rotating order) and repeated: full paginated scans at maxResults=250 (repeated for at least scanSeconds
per target and round) with boto3 (its paginator), the
same scan with a lean http.client loop (requests signed by botocore, bodies read with json.loads: what the servers
cost, not what boto3 costs), and single-page requests/s with both. Targets: the mock (keep-alive), the mock with
`Connection: close` on every request (a new TCP connection per request, as moto forces) and moto. Also the servers'
CPU time per page (Linux /proc), and the single-page rate of a bare Node server sending a canned page (the ceiling
of this client on this machine). Prints one JSON object.
"""
import http.client
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit

import boto3
import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

config = json.loads(sys.argv[1])
job_id = config["jobId"]
count = config["executions"]
deadline = time.perf_counter() + config["budgetSeconds"]
# TEST_CREDENTIALS of @iot-jobs/mocks: the mock maps them to the account its unscoped seed jobs live in.
ACCESS_KEY, SECRET_KEY = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TICK = 1 / os.sysconf("SC_CLK_TCK")


def boto3_client(url, close=False):
    iot = boto3.client("iot", endpoint_url=url, region_name="us-east-1", aws_access_key_id=ACCESS_KEY,
                       aws_secret_access_key=SECRET_KEY, config=Config(retries={"mode": "standard", "total_max_attempts": 1}))
    if close:
        def add_close(request, **_):
            request.headers["Connection"] = "close"
        iot.meta.events.register("before-send.iot.ListJobExecutionsForJob", add_close)
    return iot


class Lean:
    """GET /jobs/{jobId}/things over one http.client connection (reopened when the server closes it), SigV4-signed
    by botocore for every request. No retries, no parsing beyond json.loads."""

    def __init__(self, url, close=False):
        self.base = url
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.close = close
        self.credentials = Credentials(ACCESS_KEY, SECRET_KEY)

    def send(self, path, headers):
        self.connection.request("GET", path, headers=headers)
        return self.connection.getresponse()

    def page(self, token=None):
        path = f"/jobs/{job_id}/things?maxResults=250" + (f"&nextToken={quote(token, safe='')}" if token else "")
        request = AWSRequest(method="GET", url=self.base + path)
        SigV4Auth(self.credentials, "iot", "us-east-1").add_auth(request)
        headers = dict(request.headers.items())
        if self.close:
            headers["Connection"] = "close"
        try:
            response = self.send(path, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # A kept-alive connection the server closed while idle (Node closes them after 5 s): reopen once,
            # as urllib3 does for boto3.
            self.connection.close()
            response = self.send(path, headers)
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"{self.base}: HTTP {response.status}: {body[:300]!r}")
        if response.will_close:
            self.connection.close()
        return json.loads(body)


def seed_moto(iot):
    arns = [f"arn:aws:iot:us-east-1:123456789012:thing/{config['thingPrefix']}{i}" for i in range(count)]
    started = time.perf_counter()
    try:
        iot.create_job(jobId=job_id, targets=arns, document="{}")
        return {"method": "create_job with the ARNs of things that do not exist", "seconds": time.perf_counter() - started}
    except botocore.exceptions.ClientError as error:
        refused = str(error)
    # moto refused unknown things: create them (moto handles about 110 a second), 8 threads at a time.
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: iot.create_thing(thingName=f"{config['thingPrefix']}{i}"), range(count)))
    iot.create_job(jobId=job_id, targets=arns, document="{}")
    return {"method": f"things created first ({refused})", "seconds": time.perf_counter() - started}


def check(name, items, unique):
    if items != count or unique != count:
        raise SystemExit(f"scan of {name}: {items} items, {unique} unique, expected {count}")


def scan_boto3(name, iot):
    started = time.perf_counter()
    pages = items = 0
    arns = set()
    for page in iot.get_paginator("list_job_executions_for_job").paginate(jobId=job_id, PaginationConfig={"PageSize": 250}):
        pages += 1
        items += len(page["executionSummaries"])
        arns.update(e["thingArn"] for e in page["executionSummaries"])
    seconds = time.perf_counter() - started
    check(name, items, len(arns))
    return {"seconds": seconds, "pages": pages}


def scan_lean(name, lean):
    started = time.perf_counter()
    pages = items = 0
    arns = set()
    token = None
    while True:
        body = lean.page(token)
        pages += 1
        items += len(body["executionSummaries"])
        arns.update(e["thingArn"] for e in body["executionSummaries"])
        token = body.get("nextToken")
        if not token:
            break
    seconds = time.perf_counter() - started
    check(name, items, len(arns))
    return {"seconds": seconds, "pages": pages}


def scans_for(scan, name, client, seconds):
    """Full scans, repeated until `seconds` have passed (at least one): a short scan alone would sample the
    machine's load for a moment only. Pages and time add up, so pages/s is time-weighted."""
    started = time.perf_counter()
    pages = 0
    while True:
        pages += scan(name, client)["pages"]
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return {"seconds": elapsed, "pages": pages}


def per_second(call, seconds):
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    n = 0
    while time.perf_counter() < until:
        call()
        n += 1
    return n / (time.perf_counter() - started)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK  # utime + stime


urls = config["targets"]
pids = config["pids"]
targets = {"mock": (urls["mock"], False, pids["mock"]), "mock, Connection: close": (urls["mock"], True, pids["mock"])}
result = {"boto3": boto3.__version__, "botocore": botocore.__version__, "python": sys.version.split()[0]}
if urls.get("moto"):
    targets["moto"] = (urls["moto"], False, pids["moto"])
    result["motoSeed"] = seed_moto(boto3_client(urls["moto"]))

clients = {name: (boto3_client(url, close), Lean(url, close), pid) for name, (url, close, pid) in targets.items()}
# A warm-up scan each (connections, botocore's model loading), and the response headers that matter here.
result["connection"] = {}
result["bytesPerScan"] = {}
result["pagesPerScan"] = {}
for name, (iot, lean, _) in clients.items():
    result["pagesPerScan"][name] = scan_boto3(name, iot)["pages"]
    scan_lean(name, lean)
    first = iot.list_job_executions_for_job(jobId=job_id, maxResults=250)["ResponseMetadata"]["HTTPHeaders"]
    result["connection"][name] = first.get("connection", "(not set: keep-alive)")
    result["bytesPerScan"][name] = int(first.get("content-length", 0))

# The ceiling: a bare Node server answering every request with the same canned 250-item page (single pages only,
# its token never ends a scan).
ceiling = Lean(urls["ceiling"]) if urls.get("ceiling") else None
ceiling_rps = []
ceiling_cpu = {"seconds": 0.0, "pages": 0}
if ceiling:
    per_second(ceiling.page, 0.2)
names = list(clients)
series = {kind: {name: [] for name in names} for kind in ("boto3Scan", "leanScan", "boto3Single", "leanSingle")}
server_cpu = {name: {"seconds": 0.0, "pages": 0} for name in names}
rounds = 0
for r in range(config["rounds"]):
    if r >= 2 and time.perf_counter() > deadline:
        break
    order = names[r % len(names):] + names[: r % len(names)]  # rotate: drift hits every target alike
    for name in order:
        series["boto3Scan"][name].append(scans_for(scan_boto3, name, clients[name][0], config["scanSeconds"]))
    for name in order:
        before = cpu_seconds(clients[name][2])
        scan = scans_for(scan_lean, name, clients[name][1], config["scanSeconds"])
        server_cpu[name]["seconds"] += cpu_seconds(clients[name][2]) - before
        server_cpu[name]["pages"] += scan["pages"]
        series["leanScan"][name].append(scan)
    for name in order:
        iot = clients[name][0]
        series["boto3Single"][name].append(per_second(lambda: iot.list_job_executions_for_job(jobId=job_id, maxResults=250), config["singleSeconds"]))
    for name in order:
        series["leanSingle"][name].append(per_second(clients[name][1].page, config["singleSeconds"]))
    if ceiling:
        before = cpu_seconds(pids["ceiling"])
        rps = per_second(ceiling.page, config["singleSeconds"])
        ceiling_cpu["seconds"] += cpu_seconds(pids["ceiling"]) - before
        ceiling_cpu["pages"] += round(rps * config["singleSeconds"])
        ceiling_rps.append(rps)
    rounds += 1
result.update({"rounds": rounds, "serverCpu": server_cpu, **series})
if ceiling:
    result["ceiling"] = {"leanSingle": ceiling_rps, "serverCpu": ceiling_cpu}
print(json.dumps(result))
