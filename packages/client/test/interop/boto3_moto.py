"""boto3 against moto_server, for moto.interop.test.ts. Prints one JSON value.

Usage: python3 boto3_moto.py <endpoint>
Creates things and jobs through moto, then lists them with boto3's paginator (one Python process for all).

Dates are printed as integer microseconds since the epoch: exactly what botocore parsed, nothing rounded.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

import boto3

endpoint = sys.argv[1]
iot = boto3.client("iot", endpoint_url=endpoint, region_name="us-east-1")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def plain(value):
    if isinstance(value, datetime):
        return {"us": (value - EPOCH) // timedelta(microseconds=1)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def pages(job_id, page_size, **extra):
    paginator = iot.get_paginator("list_job_executions_for_job")
    return [plain(p) for p in paginator.paginate(jobId=job_id, PaginationConfig={"PageSize": page_size}, **extra)]


def error_of(**params):
    try:
        iot.list_job_executions_for_job(**params)
        return None
    except iot.exceptions.ClientError as e:
        return {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


# Things and a job created through moto (as a user would with boto3), then some executions canceled so that the
# job holds two statuses; a second job over some of the same things; a wide job over 260 ARNs.
arns = [iot.create_thing(thingName=f"sensor-{i:02}")["thingArn"] for i in range(24)]
iot.create_job(jobId="firmware-42", targets=arns, document="{}")
for i in range(0, 24, 4):
    iot.cancel_job_execution(jobId="firmware-42", thingName=f"sensor-{i:02}")
iot.create_job(jobId="other-job", targets=arns[:3], document="{}")
iot.create_job(jobId="wide", targets=[f"arn:aws:iot:us-east-1:123456789012:thing/wide-{i:03}" for i in range(260)], document="{}")

print(json.dumps({
    "things": len(arns),
    "all": pages("firmware-42", 5),
    "canceled": pages("firmware-42", 2, status="CANCELED"),
    "queued": pages("firmware-42", 250, status="QUEUED"),
    "badToken": error_of(jobId="firmware-42", nextToken="garbage"),
}))
