"""shoebox Glue job 3/5, merge: each staged table into its raw table by primary key, the newest
version of a row winning, in one transaction per table (BatchExecuteStatement). Running it
twice changes nothing.

Arguments (the contract is glue/jobs/jobs.json): --run_id or --WORKFLOW_RUN_ID, --assets_url --database (--workgroup | --cluster) [--redshift_secret_arn].
"""
from _shoebox_glue import Redshift, ident, job_args, log, run_id_of, s3_client, s3_get_json

# This job's "required" arguments in jobs.json, which checks/glue-job-contract.test.ts compares.
REQUIRED = ["assets_url", "database"]


def main():
    args = job_args(REQUIRED)
    run_id_of(args)
    assets = args["assets_url"].rstrip("/")
    s3 = s3_client()
    spec = s3_get_json(assets + "/sql/tables.json", s3)
    warehouse = Redshift(args)
    for table in spec["tables"]:
        name = ident(table["name"])
        warehouse.batch(s3_get_json("%s/sql/merge/%s.json" % (assets, name), s3), "merge " + name)
        log("merged %s" % name)


if __name__ == "__main__":
    main()
