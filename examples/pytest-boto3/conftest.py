"""pytest fixtures: the standalone iot-jobs-mock server (the @iot-jobs/mocks bin) and a boto3 client for it."""

import json
import pathlib
import re
import select
import subprocess
import time
import urllib.request

import boto3
import botocore.endpoint
import pytest
from botocore.config import Config

HERE = pathlib.Path(__file__).parent
BIN = HERE / "node_modules" / ".bin" / "iot-jobs-mock"  # `npm install -D @iot-jobs/mocks msw` puts it there


def control(url, path, body=None):
    """Calls the mock's control API (`/_mock/...`): JSON in, JSON out."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}/_mock{path}", data=data, method="GET" if data is None else "POST")
    request.add_header("content-type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="session")
def mock_url():
    """Starts `iot-jobs-mock --port 0` on a free loopback port for the session, yields its URL, stops it."""
    server = subprocess.Popen([str(BIN), "--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 30)
        line = server.stdout.readline() if ready else ""
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            raise RuntimeError(f"iot-jobs-mock did not start: {line!r}")
        yield match.group(1)
    finally:
        server.terminate()  # SIGTERM: it closes its connections and exits 0
        server.wait(timeout=10)


@pytest.fixture
def seeded(mock_url):
    """A pristine mock for each test, seeded with seed.json through the control API."""
    control(mock_url, "/reset", {})
    control(mock_url, "/seed", json.loads((HERE / "seed.json").read_text()))
    return mock_url


@pytest.fixture
def make_iot(seeded):
    """Builds boto3 IoT clients for the mock: any keys (moto's `testing` convention works), any region."""

    def make(region="us-east-1", key="testing"):
        return boto3.client(
            "iot",
            endpoint_url=seeded,
            region_name=region,
            aws_access_key_id=key,
            aws_secret_access_key="testing",
            config=Config(retries={"mode": "standard", "max_attempts": 3}),
        )

    return make


@pytest.fixture
def iot(make_iot):
    """A boto3 IoT client in us-east-1 with the `testing` keys."""
    return make_iot()


@pytest.fixture
def retry_sleeps(monkeypatch):
    """botocore retries without waiting: records each backoff it asks for instead of sleeping."""
    slept = []

    class NoSleep:
        def sleep(self, seconds):
            slept.append(seconds)

        def __getattr__(self, name):
            return getattr(time, name)

    monkeypatch.setattr(botocore.endpoint, "time", NoSleep())
    return slept
