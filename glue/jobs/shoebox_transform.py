"""shoebox Glue job 4/5, transform: rebuilds each dw dimension and fact from the raw tables with
the repository's sql/warehouse/shared/transform SQL (rendered for Redshift at deploy): build
dw.<table>__next, swap it in, one transaction per table. A transform whose source schema holds
no tables yet is skipped, as in the in-process runner.

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
    warehouse = Redshift(args)
    for entry in s3_get_json(assets + "/sql/transform/index.json", s3):
        name = ident(entry["table"])
        schema = entry.get("requiresSchema")
        if schema:
            found = warehouse.rows(
                "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = :s",
                [{"name": "s", "value": ident(schema)}],
            )
            if int(found[0]["n"]) == 0:
                log("skipped %s: schema %s has no tables" % (name, schema))
                continue
        warehouse.batch(entry["statements"], "transform " + name)
        log("rebuilt dw.%s" % name)


if __name__ == "__main__":
    main()
