"""shoebox Glue job 2/5, load: for each table, recreate its staging copy (erp_stage.<table>)
and COPY the run's manifest into it. The COPY text is the repository's (db/redshift-copy.ts),
rendered at deploy: MANIFEST GZIP IGNOREHEADER 1, strict dates, ISO times, IAM role.

Arguments (the contract is glue/jobs/jobs.json): --run_id or --WORKFLOW_RUN_ID, --assets_url --database (--workgroup | --cluster) [--redshift_secret_arn].
"""
from _shoebox_glue import Redshift, ident, job_args, log, run_id_of, s3_client, s3_get_json

# This job's "required" arguments in jobs.json, which checks/glue-job-contract.test.ts compares.
REQUIRED = ["assets_url", "database"]


def main():
    args = job_args(REQUIRED)
    rid = run_id_of(args)
    assets = args["assets_url"].rstrip("/")
    s3 = s3_client()
    spec = s3_get_json(assets + "/sql/tables.json", s3)
    warehouse = Redshift(args)
    for table in spec["tables"]:
        name = ident(table["name"])
        statements = s3_get_json("%s/sql/load/%s.json" % (assets, name), s3)
        done = None
        for sql in statements:
            done = warehouse.execute(sql.replace("{run_id}", rid))
        log("loaded %s: %s rows staged" % (name, done.get("ResultRows") if done else 0))


if __name__ == "__main__":
    main()
