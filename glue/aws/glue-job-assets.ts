/**
 * The SQL the Glue jobs run, rendered here from the repository's own SQL and uploaded beside the
 * scripts, so production runs the same text as the in-process runner: the COPY from
 * db/redshift-copy.ts, the transforms and swap from sql/warehouse, merge and reconcile queries
 * from the tables' specs. `{run_id}` is the one placeholder the jobs fill (after checking it).
 */
import { redshiftCopySql } from '../../db/redshift-copy.ts';
import { DW_SCHEMA, tableDdl } from '../rebuild-table.ts';
import type { SourceTable } from '../sources/extract-source.ts';
import { assertIdentifier, fillTemplate, splitSqlStatements } from '../sql-script.ts';
import { toWarehouseType } from '../sqlserver-types.ts';
import { readWarehouseSql, transformSqlFiles } from '../warehouse-sql.ts';

export interface GlueAssetOptions {
  tables: readonly SourceTable[];
  /** STAGING_URL, s3://bucket/prefix. */
  stagingUrl: string;
  copyIamRole: string;
  /** Raw ERP tables in the warehouse (the transforms read erp.*). */
  rawSchema?: string;
  stageSchema?: string;
  /** The ERP's schema, for the source side of reconcile. */
  sourceSchema?: string;
}

const REQUIRES = /^-- requires schema: ([a-z_][a-z0-9_]*)$/m;

/** Relative asset path → file content (JSON), under the deploy's assets prefix. */
export function glueJobAssets(options: GlueAssetOptions): Map<string, string> {
  const raw = assertIdentifier(options.rawSchema ?? 'erp', 'raw schema');
  const stage = assertIdentifier(options.stageSchema ?? 'erp_stage', 'stage schema');
  const source = assertIdentifier(options.sourceSchema ?? 'dbo', 'source schema');
  const staging = options.stagingUrl.replace(/\/+$/, '');
  const assets = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;
  const tables = options.tables.map((table) => {
    const name = assertIdentifier(table.name, 'table');
    for (const column of table.columns) assertIdentifier(column.name, `column of ${name}`);
    const run = `${staging}/runs/{run_id}/erp`;
    assets.set(
      `sql/load/${name}.json`,
      json(loadSql(table, raw, stage, `${run}/${name}.manifest`, options.copyIamRole)),
    );
    assets.set(`sql/merge/${name}.json`, json(mergeSql(table, raw, stage)));
    assets.set(`sql/reconcile/${name}.json`, json(reconcileSql(table, raw, source)));
    return {
      name,
      columns: table.columns.map((c) => c.name),
      primaryKey: table.primaryKey,
      watermarkColumn: table.watermarkColumn,
      dayColumn: table.dayColumn ?? null,
      sumColumns: table.sumColumns,
      // The extract job reads the watermark from the raw table, so on a first run it creates it.
      createRaw: loadSql(table, raw, stage, `${run}/${name}.manifest`, options.copyIamRole).slice(0, 2),
      parts: `${run}/${name}/`,
      manifest: `${run}/${name}.manifest`,
      figures: `${staging}/runs/{run_id}/figures/${name}.json`,
    };
  });
  assets.set('sql/tables.json', json({ stagingUrl: staging, rawSchema: raw, stageSchema: stage, tables }));
  assets.set('sql/transform/index.json', json(transformEntries()));
  return assets;
}

function loadSql(table: SourceTable, raw: string, stage: string, manifest: string, role: string): string[] {
  const columns = table.columns.map(
    (c) => `${c.name} ${toWarehouseType(c.type, 'redshift')}${c.nullable ? '' : ' NOT NULL'}`,
  );
  const copy = redshiftCopySql(
    stage,
    table.name,
    {
      location: manifest,
      format: 'csv',
      compression: 'gzip',
      manifest: true,
      headerLines: 1,
      columns: table.columns.map((c) => c.name),
    },
    role,
  );
  return [
    `CREATE SCHEMA IF NOT EXISTS ${raw}`,
    `CREATE TABLE IF NOT EXISTS ${raw}.${table.name} (${columns.join(', ')})`,
    `CREATE SCHEMA IF NOT EXISTS ${stage}`,
    `DROP TABLE IF EXISTS ${stage}.${table.name}`,
    `CREATE TABLE ${stage}.${table.name} (LIKE ${raw}.${table.name})`,
    copy,
  ];
}

/** Delete-then-insert by key, newest version of each key from the stage: idempotent. */
function mergeSql(table: SourceTable, raw: string, stage: string): string[] {
  const keys = table.primaryKey.map((k) => assertIdentifier(k, 'key column'));
  const columns = table.columns.map((c) => c.name).join(', ');
  const watermark = assertIdentifier(table.watermarkColumn, 'watermark column');
  return [
    `DELETE FROM ${raw}.${table.name} USING ${stage}.${table.name} s WHERE ${keys.map((k) => `${table.name}.${k} = s.${k}`).join(' AND ')}`,
    `INSERT INTO ${raw}.${table.name} (${columns}) SELECT ${columns} FROM (SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${watermark} DESC) AS shoebox_rn FROM ${stage}.${table.name}) d WHERE shoebox_rn = 1`,
  ];
}

/**
 * The same figures on both sides: rows and exact sums (as text) per day, up to a watermark.
 * COUNT, not COUNT_BIG: a day never nears 2^31 rows, and CI's T-SQL parser knows COUNT only.
 */
function reconcileSql(
  table: SourceTable,
  raw: string,
  source: string,
): { source: string; warehouse: string } {
  const day = table.dayColumn === undefined ? undefined : assertIdentifier(table.dayColumn, 'day column');
  const sums = table.sumColumns.map((c) => assertIdentifier(c, 'sum column'));
  const watermark = assertIdentifier(table.watermarkColumn, 'watermark column');
  const tDay = day ? `CONVERT(varchar(10), [${day}], 23)` : 'CAST(NULL AS varchar(10))';
  const wDay = day ? `CAST(${day} AS VARCHAR(10))` : 'CAST(NULL AS VARCHAR(10))';
  return {
    source: [
      `SELECT ${tDay} AS day, COUNT(*) AS row_count`,
      ...sums.map((c) => `, CONVERT(varchar(60), SUM([${c}])) AS sum_${c}`),
      ` FROM ${source}.[${table.name}] WHERE [${watermark}] <= %s`,
      day ? ` GROUP BY ${tDay}` : '',
    ].join(''),
    warehouse: [
      `SELECT ${wDay} AS day, COUNT(*) AS row_count`,
      ...sums.map((c) => `, CAST(SUM(${c}) AS VARCHAR(60)) AS sum_${c}`),
      ` FROM ${raw}.${table.name} WHERE ${watermark} <= CAST(:watermark AS BIGINT)`,
      day ? ` GROUP BY ${wDay}` : '',
    ].join(''),
  };
}

/** Each dw table's rebuild for Redshift: build dw.<t>__next from its DDL, fill, swap. */
function transformEntries(): { table: string; requiresSchema: string | null; statements: string[] }[] {
  const swap = readWarehouseSql('redshift', 'swap-table.sql');
  return transformSqlFiles().map((file) => {
    const next = `${file.name}__next`;
    const ddl = tableDdl({ dialect: 'redshift' }, file.name).replace(
      `CREATE TABLE IF NOT EXISTS ${DW_SCHEMA}.${file.name} (`,
      `CREATE TABLE ${DW_SCHEMA}.${next} (`,
    );
    return {
      table: file.name,
      requiresSchema: REQUIRES.exec(file.sql)?.[1] ?? null,
      statements: [
        `DROP TABLE IF EXISTS ${DW_SCHEMA}.${next}`,
        ddl,
        ...splitSqlStatements(fillTemplate(file.sql, { target: next })),
        ...splitSqlStatements(fillTemplate(swap, { table: file.name })),
      ],
    };
  });
}
