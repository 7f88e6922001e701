"""Shared helpers for shoebox's AWS Glue Python shell jobs (Python 3.9).

Every setting comes from job arguments (--name value); secrets only by Secrets Manager ARN.
The SQL the jobs run is rendered by `shoebox etl deploy --glue` from the repository's SQL and
uploaded beside the scripts (--assets_url), so the jobs and the in-process runner share it.
boto3 is imported lazily so the pure helpers run (and are tested) without it.
"""
import csv
import gzip
import io
import json
import re
import sys
import time

IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# 128: a workflow run id (wr_ and 64 hex digits) must fit.
RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
S3_URL = re.compile(r"^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/?(.*)$")


def job_args(names, argv=None):
    """The named job arguments (--name value or --name=value); a missing one stops the job."""
    argv = sys.argv[1:] if argv is None else argv
    found = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg.startswith("--"):
            key, eq, value = arg[2:].partition("=")
            if not eq and i + 1 < len(argv) and not argv[i + 1].startswith("--"):
                value = argv[i + 1]
                i += 1
            found[key] = value
        i += 1
    missing = [n for n in names if not found.get(n)]
    if missing:
        raise SystemExit("missing job arguments: " + ", ".join("--" + n for n in missing))
    return found


def ident(name):
    if not IDENT.match(name or ""):
        raise ValueError("not a plain lower-case identifier: %r" % (name,))
    return name


def run_id(value):
    if not RUN_ID.match(value or ""):
        raise ValueError("--run_id must be letters, digits, - or _: %r" % (value,))
    return value


def run_id_of(args):
    """--run_id (shoebox etl run --glue passes it) or else --WORKFLOW_RUN_ID, which Glue gives every
    job a workflow trigger starts: either way all stages of one run share it (glue/jobs/jobs.json)."""
    value = args.get("run_id") or args.get("WORKFLOW_RUN_ID")
    if not value:
        raise SystemExit("missing job arguments: --run_id (or a workflow run's --WORKFLOW_RUN_ID)")
    return run_id(value)


def split_s3(url):
    match = S3_URL.match(url or "")
    if not match:
        raise ValueError("not an s3://bucket/key URL: %r" % (url,))
    return match.group(1), match.group(2)


def csv_value(value):
    """Text as the stage writes it: dates YYYY-MM-DD, times ISO with a space, NULL as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "hour") and hasattr(value, "date"):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def gzip_csv(columns, rows):
    """One gzip CSV part with a header line (COPY ... IGNOREHEADER 1)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return gzip.compress(text.getvalue().encode("utf-8"), mtime=0)


def manifest(urls_and_sizes):
    """Redshift's COPY MANIFEST: every part mandatory, so a lost part fails the load."""
    entries = [{"url": u, "mandatory": True, "meta": {"content_length": n}} for u, n in urls_and_sizes]
    return json.dumps({"entries": entries}, indent=1).encode("utf-8")


def s3_client():
    import boto3

    return boto3.client("s3")


def s3_put(url, body, client=None):
    bucket, key = split_s3(url)
    (client or s3_client()).put_object(Bucket=bucket, Key=key, Body=body)


def s3_get_json(url, client=None):
    bucket, key = split_s3(url)
    return json.loads((client or s3_client()).get_object(Bucket=bucket, Key=key)["Body"].read())


def secret_json(arn):
    import boto3

    return json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=arn)["SecretString"])


class Redshift:
    """The warehouse through the Redshift Data API: submit, poll with backoff, fail with its Error."""

    def __init__(self, args, client=None):
        if client is None:
            import boto3

            client = boto3.client("redshift-data")
        self.client = client
        self.target = {"Database": args["database"]}
        if bool(args.get("workgroup")) == bool(args.get("cluster")):
            raise SystemExit("job arguments: give exactly one of --workgroup (Serverless) or --cluster")
        if args.get("workgroup"):
            self.target["WorkgroupName"] = args["workgroup"]
        else:
            self.target["ClusterIdentifier"] = args["cluster"]
        if args.get("redshift_secret_arn"):
            self.target["SecretArn"] = args["redshift_secret_arn"]

    def _wait(self, statement_id, what):
        delay = 0.25
        while True:
            d = self.client.describe_statement(Id=statement_id)
            if d["Status"] == "FINISHED":
                return d
            if d["Status"] in ("FAILED", "ABORTED"):
                raise RuntimeError("%s failed: %s" % (what, d.get("Error", d["Status"])))
            time.sleep(delay)
            delay = min(delay * 2, 5.0)

    def execute(self, sql, parameters=None):
        extra = {"Parameters": parameters} if parameters else {}
        started = self.client.execute_statement(Sql=sql, **self.target, **extra)
        return self._wait(started["Id"], sql.split("\n")[0][:80])

    def batch(self, sqls, what):
        """Several statements in one transaction (BatchExecuteStatement)."""
        started = self.client.batch_execute_statement(Sqls=sqls, **self.target)
        return self._wait(started["Id"], what)

    def rows(self, sql, parameters=None):
        done = self.execute(sql, parameters)
        if not done.get("HasResultSet"):
            return []
        out, token = [], None
        while True:
            page = self.client.get_statement_result(Id=done["Id"], **({"NextToken": token} if token else {}))
            names = [c["name"] for c in page["ColumnMetadata"]]
            for record in page["Records"]:
                out.append({n: _field(f) for n, f in zip(names, record)})
            token = page.get("NextToken")
            if not token:
                return out


def _field(field):
    if field.get("isNull"):
        return None
    for key in ("stringValue", "longValue", "doubleValue", "booleanValue"):
        if key in field:
            return field[key]
    return None


def log(message):
    print("[shoebox] " + message, flush=True)
