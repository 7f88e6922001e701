"""shoebox Glue job 3/5, merge: each staged table into its raw table by primary key, the newest
version of a row winning, in one transaction per table (BatchExecuteStatement). Running it
twice changes nothing.

Arguments: --run_id --assets_url --database (--workgroup | --cluster) [--redshift_secret_arn].
"""
from _shoebox_glue import Redshift, ident, job_args, log, run_id, s3_client, s3_get_json


def main():
    args = job_args(["run_id", "assets_url", "database"])
    run_id(args["run_id"])
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
