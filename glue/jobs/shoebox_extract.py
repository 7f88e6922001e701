"""shoebox Glue job 1/5, extract + stage: each ERP table by watermark through its T-SQL
procedure (extract.usp_extract_<table>), written to S3 as gzip CSV parts plus a COPY manifest,
then the source's own figures (rows and sums per day, up to the watermark) for reconcile.

Arguments (the contract is glue/jobs/jobs.json): --run_id or --WORKFLOW_RUN_ID, --assets_url --database (--workgroup | --cluster) --erp_secret_arn
[--redshift_secret_arn] [--batch_size 50000] [--rows_per_part 500000].
Needs pymssql (--additional-python-modules). The watermark is the warehouse's own MAX of the
table's watermark column, so a run that died before its merge simply extracts the rows again.
"""
import json

from _shoebox_glue import Redshift, gzip_csv, ident, job_args, log, manifest, run_id_of, s3_client, s3_get_json, s3_put, secret_json

# This job's "required" arguments in jobs.json, which checks/glue-job-contract.test.ts compares.
REQUIRED = ["assets_url", "database", "erp_secret_arn"]


def connect_erp(secret):
    import pymssql

    return pymssql.connect(
        server=secret["host"],
        port=int(secret.get("port", 1433)),
        user=secret["username"],
        password=secret["password"],
        database=secret["dbname"],
        login_timeout=30,
    )


def extract_table(erp, s3, table, since, rid, batch_size, rows_per_part):
    name, watermark = ident(table["name"]), ident(table["watermarkColumn"])
    parts_url = table["parts"].replace("{run_id}", rid)
    parts, buffered, total, last = [], [], 0, since

    def flush():
        body = gzip_csv(table["columns"], buffered)
        url = "%spart-%04d.csv.gz" % (parts_url, len(parts))
        s3_put(url, body, s3)
        parts.append((url, len(body)))
        del buffered[:]

    cursor = erp.cursor()
    while True:
        cursor.execute("EXEC extract.usp_extract_%s @since_row_version = %%s, @batch_size = %%s" % name, (last, batch_size))
        rows = cursor.fetchall()
        columns = [d[0] for d in cursor.description]
        if columns != table["columns"]:
            raise RuntimeError("extract.usp_extract_%s returned columns %s, expected %s" % (name, columns, table["columns"]))
        if rows:
            last = rows[-1][columns.index(watermark)]
        buffered.extend(rows)
        total += len(rows)
        while len(buffered) >= rows_per_part:
            rest = buffered[rows_per_part:]
            del buffered[rows_per_part:]
            flush()
            buffered.extend(rest)
        if len(rows) < batch_size:
            break
    if buffered or not parts:
        flush()  # at least one (header-only) part: COPY of an empty manifest is an error
    s3_put(table["manifest"].replace("{run_id}", rid), manifest(parts), s3)
    return total, last


def source_figures(erp, reconcile, watermark):
    cursor = erp.cursor(as_dict=True)
    cursor.execute(reconcile["source"], (watermark,))
    return [{k: (None if v is None else str(v)) for k, v in row.items()} for row in cursor.fetchall()]


def main():
    args = job_args(REQUIRED)
    rid = run_id_of(args)
    assets = args["assets_url"].rstrip("/")
    spec = s3_get_json(assets + "/sql/tables.json")
    warehouse, s3 = Redshift(args), s3_client()
    erp = connect_erp(secret_json(args["erp_secret_arn"]))
    summary = {}
    for table in spec["tables"]:
        name = ident(table["name"])
        for sql in table["createRaw"]:
            warehouse.execute(sql)
        found = warehouse.rows(
            "SELECT COALESCE(MAX(%s), 0) AS w FROM %s.%s" % (ident(table["watermarkColumn"]), ident(spec["rawSchema"]), name)
        )
        since = int(found[0]["w"])
        rows, last = extract_table(
            erp, s3, table, since, rid, int(args.get("batch_size", "50000")), int(args.get("rows_per_part", "500000"))
        )
        reconcile = s3_get_json("%s/sql/reconcile/%s.json" % (assets, name), s3)
        figures = {"watermark": last, "figures": source_figures(erp, reconcile, last)}
        s3_put(table["figures"].replace("{run_id}", rid), json.dumps(figures).encode("utf-8"), s3)
        summary[name] = {"rows": rows, "since": since, "watermark": last}
        log("extracted %s: %d rows after watermark %d (now %d)" % (name, rows, since, last))
    s3_put("%s/runs/%s/extract.json" % (spec["stagingUrl"], rid), json.dumps(summary).encode("utf-8"), s3)


if __name__ == "__main__":
    main()
