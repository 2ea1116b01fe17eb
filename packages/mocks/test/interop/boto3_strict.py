"""boto3 against a strict-auth standalone server: botocore's own SigV4 must verify; a wrong secret and an
unsigned request must get AWS's 403s. Usage: python3 boto3_strict.py <endpoint_url>"""
import json
import sys

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]


def client(secret, config=None):
    return boto3.client("iot", endpoint_url=endpoint, region_name="eu-west-1", aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                        aws_secret_access_key=secret, config=config)


def code(call):
    try:
        call()
        return "ok"
    except ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]


good = client("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
first = good.list_job_executions_for_job(jobId="fw-1", maxResults=1, status="QUEUED")
second = good.list_job_executions_for_job(jobId="fw-1", maxResults=1, status="QUEUED", nextToken=first["nextToken"])
print(json.dumps({
    "signed": [len(first["executionSummaries"]), len(second["executionSummaries"])],
    "wrongSecret": code(lambda: client("nope").list_job_executions_for_job(jobId="fw-1")),
    "unsigned": code(lambda: client("x", Config(signature_version=UNSIGNED)).list_job_executions_for_job(jobId="fw-1")),
}))
