/**
 * Configuration, read and validated in one place at start: the environment first, then an
 * optional shoebox.config.yaml, then defaults. One CodedError lists every bad setting at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type Clock, fixedClock, systemClock } from './clock.ts';
import { CodedError, ErrorCode, messageOf } from './coded-error.ts';
import { SETTINGS } from './settings.ts';

export type SettingSource = 'environment' | 'config file' | 'default';

export interface Config {
  /** Absolute path of SHOEBOX_HOME. */
  home: string;
  warehouseUrl: string;
  ledgerUrl: string;
  /** Application state; the ledger's database unless APP_DATABASE_URL is set. */
  appDatabaseUrl: string;
  erpUrl: string;
  stagingUrl: string;
  redshiftCopyIamRole: string | undefined;
  awsRegion: string | undefined;
  openai: { apiKey: string | undefined; baseUrl: string | undefined; model: string };
  slack: {
    botToken: string | undefined;
    appToken: string | undefined;
    signingSecret: string | undefined;
    // Slack app (issue #9):
    mode: 'socket' | 'http';
    port: number;
    /** Slack user id -> shoebox user and roles (SLACK_USER_ROLES). */
    users: Record<string, { userId: string; roles: string[] }>;
    /** Roles of unmapped Slack users; empty means they are refused. */
    defaultRoles: string[];
  };
  port: number;
  /** The web platform's sessions, proxy trust and rate limits (WEB_*). */
  web: {
    sessionHours: number;
    trustProxy: boolean | number | string;
    signInAttempts: number;
    chatPerMinute: number;
  };
  clock: Clock;
  /** Set when SHOEBOX_NOW fixes the clock. */
  fixedNow: Date | undefined;
  /** Absolute folder of the semantic model's YAML files. */
  semanticModelDir: string;
  fiscalYearStartMonth: number;
  demo: { seed: number; scale: number };
  /** Where each setting came from, by setting name. */
  sources: Record<string, SettingSource>;
  /** The config file that was read, if any. */
  configFile: string | undefined;
  /** Values that must never be printed or logged. */
  secrets: string[];
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export const CONFIG_FILE_NAME = 'shoebox.config.yaml';

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const { values: fileValues, file } = readConfigFile(env, cwd);

  const raw: Record<string, string | undefined> = {};
  const sources: Record<string, SettingSource> = {};
  const problems: string[] = [];
  for (const spec of SETTINGS) {
    const fromEnv = env[spec.name];
    const fromFile = fileValues[spec.name.toLowerCase()];
    const value = fromEnv !== undefined && fromEnv !== '' ? fromEnv : fromFile;
    sources[spec.name] =
      value === fromEnv && value !== undefined
        ? 'environment'
        : value !== undefined
          ? 'config file'
          : 'default';
    const checked = spec.schema.safeParse(value);
    if (!checked.success) {
      const where = sources[spec.name] === 'config file' ? ` (in ${file})` : '';
      const shown = spec.secret ? '' : ` (got "${value}")`;
      problems.push(`${spec.name}${where} ${checked.error.issues[0]?.message ?? 'is invalid'}${shown}`);
    }
    raw[spec.name] = value;
  }
  if (problems.length > 0) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `Invalid settings: ${problems.join('; ')}. Set them in the environment or in ${CONFIG_FILE_NAME}; \`shoebox config --help\` lists every setting.`,
      { details: { problems } },
    );
  }
  return buildConfig(raw, sources, cwd, file);
}

function buildConfig(
  raw: Record<string, string | undefined>,
  sources: Record<string, SettingSource>,
  cwd: string,
  configFile: string | undefined,
): Config {
  const home = path.resolve(cwd, raw.SHOEBOX_HOME ?? '.shoebox');
  const fixedNow = raw.SHOEBOX_NOW ? parseNow(raw.SHOEBOX_NOW) : undefined;
  const secrets = SETTINGS.filter((spec) => spec.secret)
    .map((spec) => raw[spec.name])
    .filter((value): value is string => value !== undefined);
  return {
    home,
    warehouseUrl: raw.WAREHOUSE_URL ?? `duckdb:${path.join(home, 'warehouse.duckdb')}`,
    ledgerUrl: raw.LEDGER_URL ?? `pglite:${path.join(home, 'ledger')}`,
    appDatabaseUrl: raw.APP_DATABASE_URL ?? raw.LEDGER_URL ?? `pglite:${path.join(home, 'ledger')}`,
    erpUrl: raw.ERP_URL ?? 'demo:',
    stagingUrl: raw.STAGING_URL ?? path.join(home, 'staging'),
    redshiftCopyIamRole: raw.REDSHIFT_COPY_IAM_ROLE,
    awsRegion: raw.AWS_REGION,
    openai: {
      apiKey: raw.OPENAI_API_KEY,
      baseUrl: raw.OPENAI_BASE_URL,
      model: raw.OPENAI_MODEL ?? 'gpt-4.1-mini',
    },
    slack: {
      botToken: raw.SLACK_BOT_TOKEN,
      appToken: raw.SLACK_APP_TOKEN,
      signingSecret: raw.SLACK_SIGNING_SECRET,
      mode: raw.SLACK_MODE === 'http' ? 'http' : 'socket',
      port: Number(raw.SLACK_PORT ?? '3001'),
      users: parseSlackUserRoles(raw.SLACK_USER_ROLES ?? ''),
      defaultRoles: raw.SLACK_DEFAULT_ROLE === 'none' ? [] : [raw.SLACK_DEFAULT_ROLE ?? 'viewer'],
    },
    port: Number(raw.PORT ?? '3000'),
    web: {
      sessionHours: Number(raw.WEB_SESSION_HOURS ?? '12'),
      trustProxy: trustProxyOf(raw.WEB_TRUST_PROXY),
      signInAttempts: Number(raw.WEB_SIGN_IN_ATTEMPTS ?? '10'),
      chatPerMinute: Number(raw.WEB_CHAT_PER_MINUTE ?? '30'),
    },
    clock: fixedNow ? fixedClock(fixedNow) : systemClock,
    fixedNow,
    semanticModelDir: raw.SEMANTIC_MODEL_DIR
      ? path.resolve(cwd, raw.SEMANTIC_MODEL_DIR)
      : fileURLToPath(new URL('../semantic-layer/models', import.meta.url)),
    fiscalYearStartMonth: Number(raw.FISCAL_YEAR_START_MONTH ?? '1'),
    demo: { seed: Number(raw.DEMO_SEED ?? '42'), scale: Number(raw.DEMO_SCALE ?? '1') },
    sources,
    configFile,
    secrets,
  };
}

/** Express's "trust proxy" value: a boolean, a hop count, or addresses as written. */
function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** "U1=fiona:finance+analyst, U2=ann:viewer" (already checked by its setting's schema). */
export function parseSlackUserRoles(text: string): Record<string, { userId: string; roles: string[] }> {
  const users: Record<string, { userId: string; roles: string[] }> = {};
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [slackId = '', rest = ''] = item.split('=');
    const [userId = '', roles = ''] = rest.split(':');
    users[slackId] = { userId, roles: roles.split('+') };
  }
  return users;
}

/** A bare date means the end of that day's business: noon UTC keeps it the same date in every zone we print. */
function parseNow(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { values: Record<string, string>; file?: string } {
  const explicit = env.SHOEBOX_CONFIG;
  const file = path.resolve(cwd, explicit || CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { values: {} };
    throw new CodedError(
      ErrorCode.ConfigFileUnreadable,
      `Cannot read the config file ${file}: ${messageOf(error)}. Fix SHOEBOX_CONFIG or create the file.`,
    );
  }
  return { values: parseConfigText(text, file), file };
}

function parseConfigText(text: string, file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    const reason = messageOf(error).split('\n')[0];
    throw new CodedError(
      ErrorCode.ConfigFileMalformed,
      `${file} is not valid YAML${line}: ${reason}. Fix the file or remove it.`,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CodedError(
      ErrorCode.ConfigFileMalformed,
      `${file} must be a mapping of setting: value (for example "port: 3000").`,
    );
  }
  const known = new Set(SETTINGS.map((spec) => spec.name.toLowerCase()));
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const name = key.toLowerCase();
    if (!known.has(name)) problems.push(`unknown setting "${key}"`);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[name] = String(value);
    else problems.push(`"${key}" must be a single value, not a list or mapping`);
  }
  if (problems.length > 0) {
    throw new CodedError(
      ErrorCode.ConfigFileMalformed,
      `${file}: ${problems.join('; ')}. Settings are named as in \`shoebox config --help\`, in lower case.`,
    );
  }
  return values;
}
