"""boto3 against the @iot-jobs/mocks standalone server: paginate, filter, modeled errors, throttling retries.

Usage: python3 boto3_client.py <endpoint_url> <job_id>
Prints one JSON object with what it observed; the TypeScript suite asserts on it.
"""
import json
import sys
import urllib.request

import boto3
from botocore.config import Config

endpoint, job_id = sys.argv[1], sys.argv[2]
client = boto3.client(
    "iot",
    endpoint_url=endpoint,
    region_name="us-east-1",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    config=Config(retries={"mode": "standard", "total_max_attempts": 3}),
)


def control(path, body):
    request = urllib.request.Request(f"{endpoint}/_mock{path}", data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def error_of(call):
    try:
        call()
    except client.exceptions.ResourceNotFoundException as e:
        return {"class": "ResourceNotFoundException", "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except client.exceptions.InvalidRequestException as e:
        return {"class": "InvalidRequestException", "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except client.exceptions.ThrottlingException as e:
        return {"class": "ThrottlingException", "attempts": e.response["ResponseMetadata"]["RetryAttempts"] + 1, "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except client.exceptions.ServiceUnavailableException as e:
        return {"class": "ServiceUnavailableException", "attempts": e.response["ResponseMetadata"]["RetryAttempts"] + 1, "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


paginator = client.get_paginator("list_job_executions_for_job")
pages = list(paginator.paginate(jobId=job_id, PaginationConfig={"PageSize": 250}))
arns = [e["thingArn"] for page in pages for e in page["executionSummaries"]]
failed_pages = list(paginator.paginate(jobId=job_id, status="FAILED", PaginationConfig={"PageSize": 25}))
failed = [e for page in failed_pages for e in page["executionSummaries"]]
first = pages[0]["executionSummaries"][0]["jobExecutionSummary"]

# Retried until the fault clears: two throttles, then one 503 (each a modeled, retryable error).
control("/faults", {"fault": {"type": "throttling"}, "times": 2})
retried = client.list_job_executions_for_job(jobId=job_id, maxResults=1)
control("/faults", {"fault": {"type": "unavailable"}, "times": 1})
recovered = client.list_job_executions_for_job(jobId=job_id, maxResults=1)
# Given up after the configured 3 attempts.
control("/faults", {"fault": {"type": "throttling"}, "times": 3})
throttled = error_of(lambda: client.list_job_executions_for_job(jobId=job_id))
control("/faults", {"fault": {"type": "unavailable"}, "times": 3})
unavailable = error_of(lambda: client.list_job_executions_for_job(jobId=job_id))

print(json.dumps({
    "pages": len(pages),
    "executions": len(arns),
    "unique": len(set(arns)),
    "failedPages": len(failed_pages),
    "failed": len(failed),
    "failedStatuses": sorted({e["jobExecutionSummary"]["status"] for e in failed}),
    "queuedAtType": type(first["queuedAt"]).__name__,
    "requestId": pages[0]["ResponseMetadata"]["RequestId"],
    "retriedAttempts": retried["ResponseMetadata"]["RetryAttempts"],
    "recoveredAttempts": recovered["ResponseMetadata"]["RetryAttempts"],
    "throttled": throttled,
    "unavailable": unavailable,
    "notFound": error_of(lambda: client.list_job_executions_for_job(jobId="no-such-job")),
    "invalid": error_of(lambda: client.list_job_executions_for_job(jobId=job_id, maxResults=300)),
    "badToken": error_of(lambda: client.list_job_executions_for_job(jobId=job_id, nextToken="forged")),
}))
