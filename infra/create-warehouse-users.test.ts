/**
 * The warehouse users' one-time script, against a scripted stand-in for the aws CLI: what it
 * asks AWS, what SQL it sends through the Data API, and that no password leaves in clear.
 */
import { describe, expect, it } from 'vitest';
import { type AwsCli, createWarehouseUsers } from './create-warehouse-users.ts';
import { redshiftPasswordHash, splitSql, warehouseUserStatements } from './warehouse-users.ts';

const ROLE = 'arn:aws:iam::123456789012:role/ShoeboxWarehouse-CopyRole';
const SECRETS: Record<string, { username: string; password: string }> = {
  'arn:reader': { username: 'shoebox_assistant', password: 'ReaderPassw0rdXyz' },
  'arn:loader': { username: 'shoebox_loader', password: 'LoaderPassw0rdXyz' },
};

/** A fake aws CLI: canned outputs and secrets, a Data API whose statements finish (or fail). */
function fakeAws(options: { existing?: string[]; failBatch?: boolean } = {}) {
  const calls: string[][] = [];
  let statements = 0;
  const aws: AwsCli = async (args) => {
    calls.push(args);
    const [service, action] = args;
    const arg = (name: string) => args[args.indexOf(name) + 1] as string;
    if (service === 'cloudformation') {
      const outputs = {
        WorkgroupName: 'shoebox',
        DatabaseName: 'analytics',
        AdminSecretArn: 'arn:admin',
        ReaderSecretArn: 'arn:reader',
        LoaderSecretArn: 'arn:loader',
        CopyRoleArn: ROLE,
      };
      return {
        Stacks: [
          {
            Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
          },
        ],
      };
    }
    if (action === 'get-secret-value') return { SecretString: JSON.stringify(SECRETS[arg('--secret-id')]) };
    if (action === 'execute-statement' || action === 'batch-execute-statement')
      return { Id: `${action}-${++statements}` };
    if (action === 'describe-statement') {
      const failed = options.failBatch && arg('--id').startsWith('batch');
      return failed ? { Status: 'FAILED', Error: 'permission denied' } : { Status: 'FINISHED' };
    }
    if (action === 'get-statement-result') {
      return { Records: (options.existing ?? []).map((name) => [{ stringValue: name }]) };
    }
    throw new Error(`unexpected aws call: ${args.join(' ')}`);
  };
  return { aws, calls };
}

describe('createWarehouseUsers', () => {
  it('creates both users with hashed passwords, the reader group and the curated-only grants', async () => {
    const { aws, calls } = fakeAws();
    const statements = await createWarehouseUsers(aws, { pollMs: 0 });
    expect(statements).toContain(
      `CREATE USER shoebox_loader PASSWORD '${redshiftPasswordHash('shoebox_loader', 'LoaderPassw0rdXyz')}'`,
    );
    expect(statements).toContain(
      `CREATE USER shoebox_assistant PASSWORD '${redshiftPasswordHash('shoebox_assistant', 'ReaderPassw0rdXyz')}'`,
    );
    expect(statements).toEqual(
      expect.arrayContaining([
        'CREATE GROUP shoebox_readers',
        'ALTER GROUP shoebox_readers ADD USER shoebox_assistant',
        'GRANT USAGE ON SCHEMA curated TO GROUP shoebox_readers',
        `GRANT ASSUMEROLE ON '${ROLE}' TO shoebox_loader FOR COPY`,
      ]),
    );
    expect(statements.join('\n')).not.toMatch(/GRANT [^\n]*(dw|erp|public)\b[^\n]*shoebox_readers/);
    const batch = calls.find((call) => call[1] === 'batch-execute-statement') ?? [];
    expect(batch.slice(batch.indexOf('--sqls') + 1)).toEqual(statements);
    expect(batch).toEqual(
      expect.arrayContaining(['--workgroup-name', 'shoebox', '--secret-arn', 'arn:admin']),
    );
    expect(JSON.stringify(calls)).not.toMatch(/Passw0rd/);
  });

  it('changes the passwords of users that exist and leaves an existing group alone', async () => {
    const { aws } = fakeAws({ existing: ['shoebox_assistant', 'shoebox_loader', 'shoebox_readers'] });
    const statements = await createWarehouseUsers(aws, { pollMs: 0 });
    expect(statements.filter((sql) => sql.startsWith('ALTER USER'))).toHaveLength(2);
    expect(statements.some((sql) => sql.startsWith('CREATE USER') || sql.startsWith('CREATE GROUP'))).toBe(
      false,
    );
  });

  it('reports a failed statement with the Data API error', async () => {
    const { aws } = fakeAws({ failBatch: true });
    await expect(createWarehouseUsers(aws, { pollMs: 0 })).rejects.toThrow(/FAILED: permission denied/);
  });
});

describe('warehouseUserStatements', () => {
  const plan = {
    database: 'analytics',
    reader: 'shoebox_assistant',
    loader: 'shoebox_loader',
    group: 'shoebox_readers',
    copyRoleArn: ROLE,
    readerPasswordHash: redshiftPasswordHash('shoebox_assistant', 'x'),
    loaderPasswordHash: redshiftPasswordHash('shoebox_loader', 'y'),
    existingUsers: new Set<string>(),
    groupExists: false,
    sqlDir: new URL('../sql/warehouse/redshift/', import.meta.url).pathname,
  };

  it('refuses identifiers that would change the SQL', () => {
    expect(() => warehouseUserStatements({ ...plan, reader: 'x; DROP TABLE y' })).toThrow(
      /reader user "x; DROP TABLE y"/,
    );
    expect(() => warehouseUserStatements({ ...plan, copyRoleArn: "arn' OR 1" })).toThrow(
      /not an IAM role ARN/,
    );
    expect(() => warehouseUserStatements({ ...plan, readerPasswordHash: 'plain' })).toThrow(
      /redshiftPasswordHash/,
    );
  });

  it('hashes like Redshift: md5 of the password followed by the user name', () => {
    // md5('secret' + 'admin'), computed independently (Python's hashlib).
    expect(redshiftPasswordHash('admin', 'secret')).toBe('md5ea909ccfbf42c1d230f26167db4d4fdb');
    expect(splitSql('-- note\nA;\n\nB ;')).toEqual(['A', 'B']);
  });
});
