/**
 * The Glue job scripts without Glue: every script compiles (python3 -m py_compile), the shared
 * helper's gzip CSV parts and manifest load through the SQL deploy renders (COPY, merge,
 * reconcile) into the Data API stand-in on Postgres, and the Python reconcile compares real
 * warehouse figures. CI needs python3 on the PATH (Debian: apt-get install python3).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import NodeSqlParser from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedshiftDataStandIn } from '../../db/redshift-data-stand-in.ts';
import { RedshiftDataWarehouse } from '../../db/redshift-data-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { startTestS3Server, type TestS3Server } from '../../db/test-s3-server.ts';
import { glueJobAssets } from './glue-job-assets.ts';
import { GLUE_JOBS_DIR } from './glue-stages.ts';
import { TEST_ORDERS, TEST_REGIONS } from './glue-test-tables.ts';

const BUCKET = 'shoebox-jobs';
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const ROLE = 'arn:aws:iam::123456789012:role/shoebox-copy';
const assets = glueJobAssets({
  tables: [TEST_ORDERS, TEST_REGIONS],
  stagingUrl: `s3://${BUCKET}/staging`,
  copyIamRole: ROLE,
});
const asset = <T>(name: string): T => JSON.parse(assets.get(name) as string) as T;
const tables = asset<{ tables: { name: string; parts: string; manifest: string; createRaw: string[] }[] }>(
  'sql/tables.json',
).tables;

let s3Server: TestS3Server | undefined;
let s3: S3Client;
let database: { url: string; drop: () => Promise<void> };
let standIn: RedshiftDataStandIn;
let warehouse: RedshiftDataWarehouse;

function python(code: string, input = ''): string {
  try {
    return execFileSync('python3', ['-c', code], {
      input,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: GLUE_JOBS_DIR, PYTHONDONTWRITEBYTECODE: '1' },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new Error(
        'python3 is not on the PATH: the Glue job tests need it (Debian: apt-get install -y python3)',
      );
    }
    throw error;
  }
}

/** What the extract job writes for one table: parts by the helper, then the manifest. */
async function stageWithPython(runId: string, rows: string): Promise<void> {
  const orders = tables[0] as { parts: string; manifest: string };
  const url = `${orders.parts.replace('{run_id}', runId)}part-0000.csv.gz`;
  const out = JSON.parse(
    python(`
import base64, json, datetime as dt
from decimal import Decimal as D
from _shoebox_glue import gzip_csv, manifest
rows = [${rows}]
body = gzip_csv(${JSON.stringify(TEST_ORDERS.columns.map((c) => c.name))}, rows)
print(json.dumps({"part": base64.b64encode(body).decode(), "manifest": manifest([("${url}", len(body))]).decode()}))
`),
  ) as { part: string; manifest: string };
  const put = (u: string, body: Uint8Array | string) =>
    s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: u.replace(`s3://${BUCKET}/`, ''), Body: body }));
  await put(url, Buffer.from(out.part, 'base64'));
  await put(orders.manifest.replace('{run_id}', runId), out.manifest);
}

/** The load and merge jobs' work for sales_orders, as the scripts send it. */
async function loadAndMerge(runId: string): Promise<void> {
  for (const sql of asset<string[]>('sql/load/sales_orders.json'))
    await warehouse.execute(sql.replace('{run_id}', runId));
  await warehouse.execute(asset<string[]>('sql/merge/sales_orders.json').join(';\n'));
}

const ordersNow = async () =>
  (
    await warehouse.query(
      `SELECT sales_order_id AS id, order_number, CAST(order_date AS VARCHAR) AS d, CAST(order_datetime AS VARCHAR) AS t,
              customer_id, CAST(total_amount AS VARCHAR) AS amount, note, row_version FROM erp.sales_orders ORDER BY 1`,
    )
  ).rows;

beforeAll(async () => {
  s3Server = await startTestS3Server([BUCKET]);
  const endpoint = s3Server.endpoint;
  s3 = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: KEYS });
  database = await createTestDatabase('gluejobs');
  standIn = await RedshiftDataStandIn.start({
    databaseUrl: database.url,
    s3: { endpoint, credentials: KEYS },
  });
  warehouse = new RedshiftDataWarehouse({
    target: { WorkgroupName: 'wg', Database: 'dev' },
    region: 'eu-west-1',
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    copyIamRole: ROLE,
  });
});

afterAll(async () => {
  await warehouse?.close();
  await standIn?.close();
  await database?.drop();
  await s3Server?.close();
});

describe('Glue job scripts', () => {
  it('all compile with python3 -m py_compile', () => {
    const scripts = readdirSync(GLUE_JOBS_DIR).filter((file) => file.endsWith('.py'));
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    const cache = mkdtempSync(path.join(tmpdir(), 'pycache-'));
    try {
      execFileSync('python3', ['-m', 'py_compile', ...scripts.map((s) => path.join(GLUE_JOBS_DIR, s))], {
        env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('read settings from job arguments and refuse unsafe ones', () => {
    const out = python(`
from _shoebox_glue import job_args, run_id, ident
a = job_args(["run_id", "database"], ["--run_id", "r-1", "--database=dev", "--JOB_NAME", "x"])
print(a["run_id"], a["database"], a["JOB_NAME"])
for bad in ["../x", "a b", ""]:
    try:
        run_id(bad); print("accepted", bad)
    except ValueError:
        pass
try:
    ident("x; DROP TABLE y")
except ValueError:
    print("refused")
try:
    job_args(["assets_url"], [])
except SystemExit as e:
    print(e)
`);
    expect(out.trim().split('\n')).toEqual(['r-1 dev x', 'refused', 'missing job arguments: --assets_url']);
  });

  it('take the run id from --run_id, else from the workflow run, and need exactly one warehouse target', () => {
    const out = python(`
from _shoebox_glue import Redshift, job_args, run_id_of
wr = "wr_" + "0123456789abcdef" * 4
print(run_id_of(job_args([], ["--run_id", "r-2", "--WORKFLOW_RUN_ID", wr])))
print(run_id_of(job_args([], ["--WORKFLOW_NAME", "shoebox-pipeline", "--WORKFLOW_RUN_ID", wr])) == wr)
for argv in [[], ["--WORKFLOW_RUN_ID", "wr_../x"]]:
    try:
        run_id_of(job_args([], argv)); print("accepted", argv)
    except (SystemExit, ValueError) as e:
        print(type(e).__name__, e)
for argv in [["--database", "dev"], ["--database", "dev", "--workgroup", "w", "--cluster", "c"]]:
    try:
        Redshift(job_args(["database"], argv), client=object()); print("accepted", argv)
    except SystemExit as e:
        print(e)
print(Redshift(job_args(["database"], ["--database", "dev", "--cluster", "c"]), client=object()).target)
`);
    expect(out.trim().split('\n')).toEqual([
      'r-2',
      'True',
      "SystemExit missing job arguments: --run_id (or a workflow run's --WORKFLOW_RUN_ID)",
      "ValueError --run_id must be letters, digits, - or _: 'wr_../x'",
      'job arguments: give exactly one of --workgroup (Serverless) or --cluster',
      'job arguments: give exactly one of --workgroup (Serverless) or --cluster',
      "{'Database': 'dev', 'ClusterIdentifier': 'c'}",
    ]);
  });

  it('extract in batches by watermark into parts of a set size, with a manifest of exactly those parts', () => {
    const out = python(
      `
import gzip, json
from shoebox_extract import extract_table
ROWS = [(i, "r%d" % i, 100 + i) for i in range(1, 6)]
class Cursor:
    description = [("region_id",), ("region_name",), ("row_version",)]
    def execute(self, sql, params):
        self.sql = sql; since, size = params
        self.rows = [r for r in ROWS if r[2] > since][:size]
        calls.append([since, size])
    def fetchall(self):
        return self.rows
class Erp:
    def cursor(self):
        return Cursor()
class S3:
    objects = {}
    def put_object(self, Bucket, Key, Body):
        self.objects[Key] = Body
calls, s3 = [], S3()
table = json.load(open(0))
total, last = extract_table(Erp(), s3, table, 100, "r9", 2, 3)
parts = {k: gzip.decompress(v).decode().count("\\n") - 1 for k, v in s3.objects.items() if k.endswith(".gz")}
manifest = json.loads(s3.objects["staging/runs/r9/erp/regions.manifest"])
print(json.dumps({"total": total, "last": last, "calls": calls, "parts": parts, "manifest": [e["url"] for e in manifest["entries"]]}))
`,
      JSON.stringify(tables[1]),
    );
    expect(JSON.parse(out)).toEqual({
      total: 5,
      last: 105,
      calls: [
        [100, 2],
        [102, 2],
        [104, 2],
      ],
      parts: {
        'staging/runs/r9/erp/regions/part-0000.csv.gz': 3,
        'staging/runs/r9/erp/regions/part-0001.csv.gz': 2,
      },
      manifest: [
        `s3://${BUCKET}/staging/runs/r9/erp/regions/part-0000.csv.gz`,
        `s3://${BUCKET}/staging/runs/r9/erp/regions/part-0001.csv.gz`,
      ],
    });
  });

  it('stage gzip CSV that the rendered COPY loads and the merge applies idempotently', async () => {
    await stageWithPython(
      'r1',
      `(1, "SO-1", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 9, 15, 0, 250000), 7, D("1234.50"), 'Oxford, "tan"', 10),
       (2, "SO-2", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 18, 0), None, D("0.05"), None, 11),
       (3, "SO-3", dt.date(2025, 3, 2), dt.datetime(2025, 3, 2, 8, 0), 9, D("-7.00"), "", 12)`,
    );
    await loadAndMerge('r1');
    const first = await ordersNow();
    expect(first).toEqual([
      {
        id: 1,
        order_number: 'SO-1',
        d: '2025-03-01',
        t: '2025-03-01 09:15:00.25',
        customer_id: 7,
        amount: '1234.50',
        note: 'Oxford, "tan"',
        row_version: 10,
      },
      {
        id: 2,
        order_number: 'SO-2',
        d: '2025-03-01',
        t: '2025-03-01 18:00:00',
        customer_id: null,
        amount: '0.05',
        note: null,
        row_version: 11,
      },
      {
        id: 3,
        order_number: 'SO-3',
        d: '2025-03-02',
        t: '2025-03-02 08:00:00',
        customer_id: 9,
        amount: '-7.00',
        note: null,
        row_version: 12,
      },
    ]);
    await warehouse.execute(asset<string[]>('sql/merge/sales_orders.json').join(';\n'));
    expect(await ordersNow()).toEqual(first);

    // The next run: a late change to order 2 and a new order 4 (older version of 2 also re-sent).
    await stageWithPython(
      'r2',
      `(2, "SO-2", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 18, 0), None, D("0.05"), None, 11),
       (2, "SO-2", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 18, 0), 5, D("10.05"), "late change", 20),
       (4, "SO-4", dt.date(2025, 3, 2), dt.datetime(2025, 3, 2, 9, 30), 5, D("100.00"), "new", 21)`,
    );
    await loadAndMerge('r2');
    const second = await ordersNow();
    expect(second.map((row) => [row.id, row.amount, row.row_version])).toEqual([
      [1, '1234.50', 10],
      [2, '10.05', 20],
      [3, '-7.00', 12],
      [4, '100.00', 21],
    ]);
  });

  it('reconcile: warehouse figures equal the source figures, and a difference is named', async () => {
    const reconcile = asset<{ source: string; warehouse: string }>('sql/reconcile/sales_orders.json');
    const figures = await warehouse.query(reconcile.warehouse.replace(':watermark', '$1'), ['21']);
    // The source's figures, computed from the rows the test staged (r1 then r2, newest wins).
    const source = [
      { day: '2025-03-01', row_count: '2', sum_total_amount: '1244.55' },
      { day: '2025-03-02', row_count: '2', sum_total_amount: '93.00' },
    ];
    const compare = (src: unknown) =>
      python(
        `import json, sys\nfrom shoebox_reconcile import differences\nd = json.load(sys.stdin)\nprint(json.dumps(differences("sales_orders", d["source"], d["warehouse"])))`,
        JSON.stringify({ source: src, warehouse: figures.rows }),
      );
    expect(JSON.parse(compare(source))).toEqual([]);
    const off = [source[0], { ...source[1], sum_total_amount: '93.01' }];
    expect(JSON.parse(compare(off))).toEqual([
      'sales_orders 2025-03-02 sum_total_amount: source 93.01, warehouse 93.00',
    ]);
  });

  it('render T-SQL source figures that parse, and one rebuild per dw table for Redshift', () => {
    const parser = new NodeSqlParser.Parser();
    for (const table of ['sales_orders', 'regions']) {
      const sql = asset<{ source: string }>(`sql/reconcile/${table}.json`).source.replace('%s', '0');
      expect(() => parser.astify(sql, { database: 'transactsql' })).not.toThrow();
    }
    const transforms =
      asset<{ table: string; requiresSchema: string | null; statements: string[] }[]>(
        'sql/transform/index.json',
      );
    expect(transforms.length).toBeGreaterThanOrEqual(10);
    for (const entry of transforms) {
      expect(entry.statements[0]).toBe(`DROP TABLE IF EXISTS dw.${entry.table}__next`);
      expect(entry.statements.at(-1)).toBe(`DROP TABLE dw.${entry.table}__next`);
      expect(entry.statements.join('\n')).not.toMatch(/\{\{|SERIAL/);
    }
    expect(transforms.find((t) => t.table === 'fact_ledger_posting')?.requiresSchema).toBe('ledger_raw');
    expect(tables[0]?.createRaw[1]).toMatch(
      /^CREATE TABLE IF NOT EXISTS erp\.sales_orders \(sales_order_id INTEGER NOT NULL, /,
    );
    expect(readFileSync(path.join(GLUE_JOBS_DIR, 'shoebox_load.py'), 'utf8')).toMatch(/sql\/load\//);
  });
});
