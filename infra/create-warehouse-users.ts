/**
 * One-time (and re-runnable) creation of the warehouse's users after `cdk deploy`, through the
 * Redshift Data API as the admin, with the aws CLI's credentials:
 *   npx tsx infra/create-warehouse-users.ts [--stack ShoeboxWarehouse] [--group shoebox_readers]
 * Reads the stack's outputs and the users' secrets; sends only password hashes (warehouse-users.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { checkIdentifier, redshiftPasswordHash, warehouseUserStatements } from './warehouse-users.ts';

/** Runs `aws ARGS --output json` and returns the parsed answer. */
export type AwsCli = (args: string[]) => Promise<Record<string, unknown>>;

export interface CreateWarehouseUsersOptions {
  stack?: string;
  group?: string;
  sqlDir?: string;
  pollMs?: number;
}

const DEFAULT_SQL_DIR = fileURLToPath(new URL('../sql/warehouse/redshift/', import.meta.url));

export async function createWarehouseUsers(
  aws: AwsCli,
  options: CreateWarehouseUsersOptions = {},
): Promise<string[]> {
  const stack = options.stack ?? 'ShoeboxWarehouse';
  const described = await aws(['cloudformation', 'describe-stacks', '--stack-name', stack]);
  const outputs = new Map(
    (
      (described.Stacks as { Outputs?: { OutputKey: string; OutputValue: string }[] }[] | undefined)?.[0]
        ?.Outputs ?? []
    ).map((output) => [output.OutputKey, output.OutputValue]),
  );
  const output = (key: string) => {
    const value = outputs.get(key);
    if (!value) throw new Error(`stack ${stack} has no output ${key}: deploy it first (docs/deploy-aws.md)`);
    return value;
  };
  const target = [
    '--workgroup-name',
    output('WorkgroupName'),
    '--database',
    output('DatabaseName'),
    '--secret-arn',
    output('AdminSecretArn'),
  ];
  const credentials = async (key: string) => {
    const secret = await aws(['secretsmanager', 'get-secret-value', '--secret-id', output(key)]);
    const { username, password } = JSON.parse(String(secret.SecretString)) as {
      username: string;
      password: string;
    };
    checkIdentifier(username, `user name in ${key}`);
    return { username, hash: redshiftPasswordHash(username, password) };
  };
  const reader = await credentials('ReaderSecretArn');
  const loader = await credentials('LoaderSecretArn');
  const group = checkIdentifier(options.group ?? 'shoebox_readers', 'reader group');

  const wait = async (id: string) => {
    for (;;) {
      const statement = await aws(['redshift-data', 'describe-statement', '--id', id]);
      if (statement.Status === 'FINISHED') return;
      if (statement.Status === 'FAILED' || statement.Status === 'ABORTED') {
        throw new Error(`Data API statement ${id} ${String(statement.Status)}: ${String(statement.Error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2000));
    }
  };
  const names = async (sql: string) => {
    const started = await aws(['redshift-data', 'execute-statement', ...target, '--sql', sql]);
    await wait(String(started.Id));
    const result = await aws(['redshift-data', 'get-statement-result', '--id', String(started.Id)]);
    return new Set((result.Records as { stringValue: string }[][]).map((row) => row[0]?.stringValue ?? ''));
  };
  // Checked identifiers only ([a-z0-9_]), so quoting them as literals is safe.
  const existingUsers = await names(
    `SELECT usename FROM pg_user WHERE usename IN ('${reader.username}', '${loader.username}')`,
  );
  const groups = await names(`SELECT groname FROM pg_group WHERE groname = '${group}'`);
  const statements = warehouseUserStatements({
    database: output('DatabaseName'),
    reader: reader.username,
    loader: loader.username,
    group,
    copyRoleArn: output('CopyRoleArn'),
    readerPasswordHash: reader.hash,
    loaderPasswordHash: loader.hash,
    existingUsers,
    groupExists: groups.has(group),
    sqlDir: options.sqlDir ?? DEFAULT_SQL_DIR,
  });
  const batch = await aws(['redshift-data', 'batch-execute-statement', ...target, '--sqls', ...statements]);
  await wait(String(batch.Id));
  return statements;
}

const runAws: AwsCli = async (args) => {
  const { stdout } = await promisify(execFile)('aws', [...args, '--output', 'json'], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout) as Record<string, unknown>;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  try {
    const statements = await createWarehouseUsers(runAws, { stack: flag('stack'), group: flag('group') });
    console.log(`warehouse users ready: ${statements.length} statements ran (passwords sent as md5 hashes).`);
  } catch (error) {
    console.error(`create-warehouse-users: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
