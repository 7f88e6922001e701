/**
 * The statements that create the warehouse's database users on Redshift, run once (and safely
 * again) by create-warehouse-users.ts through the Data API as the admin:
 * - the loader (the Glue jobs' user) may create schemas, owns curated, may COPY with the role;
 * - the assistant's reader gets curated only, through sql/warehouse/redshift's grant files.
 * Passwords are sent as Redshift's md5 hashes, so the plaintext never reaches the query logs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WarehouseUsersPlan {
  database: string;
  reader: string;
  loader: string;
  group: string;
  copyRoleArn: string;
  /** Redshift md5 hashes (redshiftPasswordHash). */
  readerPasswordHash: string;
  loaderPasswordHash: string;
  /** Users that exist already: their password is changed instead. */
  existingUsers: ReadonlySet<string>;
  groupExists: boolean;
  /** sql/warehouse/redshift. */
  sqlDir: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,126}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function checkIdentifier(value: string, what: string): string {
  if (!IDENTIFIER.test(value)) {
    throw new Error(
      `${what} "${value}" must be lower-case letters, digits and "_", starting with a letter or "_"`,
    );
  }
  return value;
}

/** Redshift's pre-hashed password form: "md5" + md5(password + user name). */
export function redshiftPasswordHash(user: string, password: string): string {
  return `md5${createHash('md5')
    .update(password + user)
    .digest('hex')}`;
}

/** Drops `--` comment lines and splits on ";" (the grant files hold no literal semicolons). */
export function splitSql(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

function template(sqlDir: string, file: string, values: Record<string, string>): string[] {
  const text = readFileSync(join(sqlDir, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: no value for ${whole}`);
    return value;
  });
  return splitSql(text);
}

export function warehouseUserStatements(plan: WarehouseUsersPlan): string[] {
  const database = checkIdentifier(plan.database, 'database');
  const reader = checkIdentifier(plan.reader, 'reader user');
  const loader = checkIdentifier(plan.loader, 'loader user');
  const group = checkIdentifier(plan.group, 'reader group');
  if (!ROLE_ARN.test(plan.copyRoleArn))
    throw new Error(`COPY role "${plan.copyRoleArn}" is not an IAM role ARN`);
  for (const hash of [plan.readerPasswordHash, plan.loaderPasswordHash]) {
    if (!/^md5[0-9a-f]{32}$/.test(hash))
      throw new Error('password hashes must come from redshiftPasswordHash');
  }
  const user = (name: string, hash: string) =>
    plan.existingUsers.has(name)
      ? `ALTER USER ${name} PASSWORD '${hash}'`
      : `CREATE USER ${name} PASSWORD '${hash}'`;
  return [
    user(loader, plan.loaderPasswordHash),
    user(reader, plan.readerPasswordHash),
    // The pipeline creates its schemas (dw, raw ones) itself and owns them.
    `GRANT CREATE ON DATABASE ${database} TO ${loader}`,
    `CREATE SCHEMA IF NOT EXISTS curated AUTHORIZATION ${loader}`,
    `GRANT ASSUMEROLE ON '${plan.copyRoleArn}' TO ${loader} FOR COPY`,
    ...(plan.groupExists ? [] : template(plan.sqlDir, 'create-reader-group.sql', { group })),
    ...template(plan.sqlDir, 'grants.sql', { group, user: reader }),
    // grants.sql's default privileges cover views the admin creates; the loader creates them.
    `ALTER DEFAULT PRIVILEGES FOR USER ${loader} IN SCHEMA curated GRANT SELECT ON TABLES TO GROUP ${group}`,
  ];
}
