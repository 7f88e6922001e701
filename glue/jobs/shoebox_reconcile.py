"""shoebox Glue job 5/5, reconcile: rows and sums per table and day in the warehouse against the
figures the extract job read from the source (up to the same watermark). Any difference fails
the run; the report names table, day and figure, and is also written to runs/<run_id>/.

Arguments (the contract is glue/jobs/jobs.json): --run_id or --WORKFLOW_RUN_ID, --assets_url --database (--workgroup | --cluster) [--redshift_secret_arn].
"""
import json
from decimal import Decimal

from _shoebox_glue import Redshift, ident, job_args, log, run_id_of, s3_client, s3_get_json, s3_put

# This job's "required" arguments in jobs.json, which checks/glue-job-contract.test.ts compares.
REQUIRED = ["assets_url", "database"]


def by_day(rows):
    return {row.get("day"): row for row in rows}


def differences(table, source, warehouse):
    out = []
    src, dst = by_day(source), by_day(warehouse)
    for day in sorted(set(src) | set(dst), key=lambda d: d or ""):
        a, b = src.get(day, {}), dst.get(day, {})
        for key in sorted(set(a) | set(b)):
            if key == "day":
                continue
            left, right = a.get(key), b.get(key)
            same = left == right or (left is not None and right is not None and Decimal(str(left)) == Decimal(str(right)))
            if not same:
                out.append("%s %s %s: source %s, warehouse %s" % (table, day or "(all)", key, left, right))
    return out


def main():
    args = job_args(REQUIRED)
    rid = run_id_of(args)
    assets = args["assets_url"].rstrip("/")
    s3 = s3_client()
    spec = s3_get_json(assets + "/sql/tables.json", s3)
    warehouse = Redshift(args)
    problems = []
    for table in spec["tables"]:
        name = ident(table["name"])
        source = s3_get_json(table["figures"].replace("{run_id}", rid), s3)
        reconcile = s3_get_json("%s/sql/reconcile/%s.json" % (assets, name), s3)
        rows = warehouse.rows(reconcile["warehouse"], [{"name": "watermark", "value": str(source["watermark"])}])
        found = differences(name, source["figures"], rows)
        problems.extend(found)
        log("reconciled %s: %s" % (name, "%d differences" % len(found) if found else "equal"))
    s3_put("%s/runs/%s/reconcile.json" % (spec["stagingUrl"], rid), json.dumps({"differences": problems}).encode("utf-8"), s3)
    if problems:
        raise SystemExit("reconcile found %d differences: %s" % (len(problems), "; ".join(problems[:20])))


if __name__ == "__main__":
    main()
