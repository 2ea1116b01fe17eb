"""Signs requests with botocore, as boto3 signs its own, for signatures.interop.test.ts.

Reads one JSON object per line on stdin: {"id", "base", "params": [[name, value], ...], "region", "accessKeyId",
"secretAccessKey", "sessionToken"?, "skewSeconds"?}. botocore.auth.SigV4Auth signs a GET of base + params at the
current time (shifted by skewSeconds), botocore prepares the URL (its own percent-encoding), and one line
{"id", "url", "headers"} is printed per request. One process serves a batch.
"""
import json
import sys
from datetime import timedelta

import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

now = botocore.auth.get_current_datetime
for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    skew = timedelta(seconds=r.get("skewSeconds", 0))
    botocore.auth.get_current_datetime = lambda: now() + skew
    request = AWSRequest(method="GET", url=r["base"], params=[tuple(p) for p in r["params"]], headers={})
    credentials = Credentials(r["accessKeyId"], r["secretAccessKey"], r.get("sessionToken"))
    SigV4Auth(credentials, "iot", r["region"]).add_auth(request)
    prepared = request.prepare()
    print(json.dumps({"id": r["id"], "url": prepared.url, "headers": dict(prepared.headers)}))
