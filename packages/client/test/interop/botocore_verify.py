"""Recomputes SigV4 Authorization headers with botocore's own signer, for signatures.interop.test.ts.

Reads one JSON request per line on stdin: {"id", "method", "url", "headers", "region", "accessKeyId",
"secretAccessKey", "sessionToken"?}. For each, botocore.auth.SigV4Auth signs the same request (method, path,
decoded query parameters, the headers the client sent) at the client's X-Amz-Date, exactly as boto3 signs its
own requests (add_auth), and prints {"id", "expected", "canonicalRequest"} on one line. One process serves a batch.
"""
import json
import sys
from datetime import datetime
from urllib.parse import unquote, urlsplit

import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

# The headers botocore sets itself while signing (from the date and the credentials).
OWN = {"authorization", "x-amz-date", "x-amz-security-token"}

for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    parts = urlsplit(r["url"])
    # Query members decoded as RFC 3986 does (a "+" is a plus); botocore re-encodes them canonically.
    params = [tuple(unquote(x) for x in (pair.split("=", 1) + [""])[:2]) for pair in parts.query.split("&") if pair]
    headers = {k: v for k, v in r["headers"].items() if k.lower() not in OWN}
    request = AWSRequest(method=r["method"], url=f"{parts.scheme}://{parts.netloc}{parts.path}", headers=headers, params=params)
    signing_date = datetime.strptime(r["headers"]["x-amz-date"], "%Y%m%dT%H%M%SZ")
    botocore.auth.get_current_datetime = lambda: signing_date
    auth = SigV4Auth(Credentials(r["accessKeyId"], r["secretAccessKey"], r.get("sessionToken")), "iot", r["region"])
    auth.add_auth(request)
    print(json.dumps({
        "id": r["id"],
        "expected": request.headers["Authorization"],
        "canonicalRequest": auth.canonical_request(request),
    }), flush=False)
sys.stdout.flush()
