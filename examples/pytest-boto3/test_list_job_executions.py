"""boto3 against the standalone mock: paging, a status filter, visibility by key and region, throttling."""

import math

import pytest
from conftest import control


def job_counts(url, job_id, key="testing"):
    """The job's executions by status, as the mock holds them for the key's account."""
    jobs = control(url, f"/jobs?accessKeyId={key}")["jobs"]
    return next(job["counts"] for job in jobs if job["jobId"] == job_id)


def test_pages_through_every_execution_once(iot, seeded):
    size = sum(job_counts(seeded, "fw-1").values())
    paginator = iot.get_paginator("list_job_executions_for_job")
    pages = list(paginator.paginate(jobId="fw-1", PaginationConfig={"PageSize": 250}))
    arns = [e["thingArn"] for page in pages for e in page["executionSummaries"]]
    assert len(pages) == math.ceil(size / 250)
    assert len(arns) == size == len(set(arns))
    assert "nextToken" not in pages[-1]


def test_status_filter_returns_only_that_status(iot, seeded):
    by_status = job_counts(seeded, "fw-1")
    paginator = iot.get_paginator("list_job_executions_for_job")
    failed = [
        e["jobExecutionSummary"]
        for page in paginator.paginate(jobId="fw-1", status="FAILED", PaginationConfig={"PageSize": 50})
        for e in page["executionSummaries"]
    ]
    assert len(failed) == by_status["FAILED"] > 0
    assert {e["status"] for e in failed} == {"FAILED"}


def test_visibility_follows_the_fixture_account_and_region(make_iot):
    # No account in the fixture: any key sees fw-1. A region in the fixture: only that region sees fw-eu.
    assert make_iot(key="AKIAANYTHING").list_job_executions_for_job(jobId="fw-1")["executionSummaries"]
    assert make_iot(region="eu-west-1").list_job_executions_for_job(jobId="fw-eu")["executionSummaries"]
    us = make_iot(region="us-east-1")
    with pytest.raises(us.exceptions.ResourceNotFoundException):
        us.list_job_executions_for_job(jobId="fw-eu")
    # A fixture naming a key: only that key's account sees it.
    assert make_iot(key="AKIDSUITEA").list_job_executions_for_job(jobId="fw-suite-a")["executionSummaries"]
    with pytest.raises(us.exceptions.ResourceNotFoundException):
        us.list_job_executions_for_job(jobId="fw-suite-a")


def test_injected_throttling_is_retried_by_boto3(iot, seeded, retry_sleeps):
    control(seeded, "/faults", {"fault": {"type": "throttling"}, "times": 2})
    response = iot.list_job_executions_for_job(jobId="fw-1", maxResults=5)
    assert len(response["executionSummaries"]) == 5
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert len(retry_sleeps) == 2  # botocore asked for two backoffs; the fixture skipped the waiting
    statuses = [r["status"] for r in control(seeded, "/history")["requests"]]
    assert statuses[-3:] == [400, 400, 200]
