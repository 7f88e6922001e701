/**
 * Every setting shoebox reads, in one table: its name (the environment variable; the same name in
 * lower case in shoebox.config.yaml), what it is for, its default and how it is checked.
 * core/config.ts validates them; `shoebox config` and the README list them from here.
 */
import { z } from 'zod';
import { schemeOf } from './url-scheme.ts';

export interface SettingSpec {
  name: string;
  description: string;
  /** Shown in help and `shoebox config`; computed defaults (under SHOEBOX_HOME) are described in words. */
  defaultText: string;
  secret: boolean;
  schema: z.ZodType<string | undefined>;
}

const WAREHOUSE_SCHEMES = ['duckdb:', 'postgres:', 'postgresql:', 'redshift:', 'redshift-data:'];
const LEDGER_SCHEMES = ['pglite:', 'postgres:', 'postgresql:'];
const ERP_SCHEMES = ['demo:', 'mssql:', 'sqlserver:'];

/** A URL-ish setting whose scheme must be one of `schemes`; the message names them all. */
function urlWithScheme(schemes: string[], hint: string) {
  return z.string().refine((value) => schemes.some((scheme) => value.toLowerCase().startsWith(scheme)), {
    error: (issue) => `has an unsupported scheme "${schemeOf(String(issue.input))}"; use ${hint}`,
  });
}

const optionalText = z.string().min(1, 'must not be empty').optional();

function prefixed(prefix: string, what: string) {
  return z
    .string()
    .refine((value) => value.startsWith(prefix), { message: `must be a ${what} starting with "${prefix}"` })
    .optional();
}

function wholeNumber(min: number, max: number, what: string) {
  return z
    .string()
    .regex(/^\d{1,6}$/, `must be ${what}`)
    .refine((value) => Number(value) >= min && Number(value) <= max, `must be ${what}`)
    .optional();
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'SHOEBOX_HOME',
    description: 'Folder where the embedded engines and the demo data keep their files.',
    defaultText: '.shoebox',
    secret: false,
    schema: optionalText,
  },
  {
    name: 'WAREHOUSE_URL',
    description:
      'The warehouse: duckdb:PATH, postgres://USER:PASS@HOST:PORT/DB, redshift://... (wire protocol) or redshift-data://WORKGROUP_OR_CLUSTER/DB.',
    defaultText: 'duckdb:$SHOEBOX_HOME/warehouse.duckdb',
    secret: false,
    schema: urlWithScheme(
      WAREHOUSE_SCHEMES,
      'duckdb:PATH, postgres://..., redshift://... or redshift-data://WORKGROUP/DB',
    ).optional(),
  },
  {
    name: 'LEDGER_URL',
    description: 'The finance ledger database: pglite:PATH (embedded Postgres) or postgres://... (AWS RDS).',
    defaultText: 'pglite:$SHOEBOX_HOME/ledger',
    secret: false,
    schema: urlWithScheme(LEDGER_SCHEMES, 'pglite:PATH or postgres://...').optional(),
  },
  {
    name: 'APP_DATABASE_URL',
    description:
      'Application state (threads, feedback, web sessions, Slack event dedupe): pglite:PATH or postgres://...; the ledger database when unset.',
    defaultText: 'LEDGER_URL',
    secret: false,
    schema: urlWithScheme(LEDGER_SCHEMES, 'pglite:PATH or postgres://...').optional(),
  },
  {
    name: 'ERP_URL',
    description:
      'The ERP source: demo: (the generated Cordova Shoe Co. tables) or mssql://USER:PASS@HOST:PORT/DB (SQL Server).',
    defaultText: 'demo:',
    secret: false,
    schema: urlWithScheme(ERP_SCHEMES, 'demo: or mssql://USER:PASS@HOST:PORT/DB').optional(),
  },
  {
    name: 'STAGING_URL',
    description: 'Where extracts are staged before loading: a local folder or s3://BUCKET/PREFIX.',
    defaultText: '$SHOEBOX_HOME/staging',
    secret: false,
    schema: z
      .string()
      .refine((value) => !/^[a-z][a-z0-9+.-]+:\/\//i.test(value) || value.startsWith('s3://'), {
        message: 'must be a local folder or s3://BUCKET/PREFIX',
      })
      .optional(),
  },
  {
    name: 'REDSHIFT_COPY_IAM_ROLE',
    description: 'IAM role ARN Redshift assumes for COPY from the S3 staging prefix.',
    defaultText: '(none)',
    secret: false,
    schema: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/,
        'must be an IAM role ARN like arn:aws:iam::123456789012:role/name',
      )
      .optional(),
  },
  {
    name: 'AWS_REGION',
    description: 'AWS region for S3, Glue and the Redshift Data API.',
    defaultText: '(from the AWS SDK default chain)',
    secret: false,
    schema: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1')
      .optional(),
  },
  {
    name: 'OPENAI_API_KEY',
    description: 'Key for OpenAI or a compatible endpoint. Without it the offline planner answers.',
    defaultText: '(none: offline planner)',
    secret: true,
    schema: optionalText,
  },
  {
    name: 'OPENAI_BASE_URL',
    description: 'Base URL of an OpenAI-compatible API (Azure, vLLM, Ollama).',
    defaultText: 'https://api.openai.com/v1',
    secret: false,
    schema: z.url({ message: 'must be an http(s) URL' }).optional(),
  },
  {
    name: 'OPENAI_MODEL',
    description: 'Model name to call when a key is set.',
    defaultText: 'gpt-4.1-mini',
    secret: false,
    schema: optionalText,
  },
  {
    name: 'SLACK_BOT_TOKEN',
    description: 'Slack bot token (xoxb-...) for `shoebox slack`.',
    defaultText: '(none)',
    secret: true,
    schema: prefixed('xoxb-', 'Slack bot token'),
  },
  {
    name: 'SLACK_APP_TOKEN',
    description: 'Slack app-level token (xapp-...) for Socket Mode.',
    defaultText: '(none)',
    secret: true,
    schema: prefixed('xapp-', 'Slack app-level token'),
  },
  {
    name: 'SLACK_SIGNING_SECRET',
    description: 'Slack signing secret, for HTTP events mode.',
    defaultText: '(none)',
    secret: true,
    schema: optionalText,
  },
  // --- Slack app (issue #9): how `shoebox slack` connects and who its users are. ---
  {
    name: 'SLACK_MODE',
    description:
      'How Slack reaches `shoebox slack`: socket (Socket Mode, no public URL; needs SLACK_APP_TOKEN) or http (signed HTTP events; needs SLACK_SIGNING_SECRET).',
    defaultText: 'socket',
    secret: false,
    schema: z.enum(['socket', 'http'], { message: 'must be socket or http' }).optional(),
  },
  {
    name: 'SLACK_PORT',
    description: 'Port of the HTTP events endpoint (/slack/events) when SLACK_MODE=http.',
    defaultText: '3001',
    secret: false,
    schema: z
      .string()
      .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
      .refine((value) => Number(value) <= 65535, 'must be a whole number from 0 to 65535')
      .optional(),
  },
  {
    name: 'SLACK_USER_ROLES',
    description:
      'Slack users to shoebox users and roles: SLACK_USER_ID=USER:ROLE[+ROLE], comma-separated, e.g. U012AB3CD=fiona:finance+analyst. Roles: viewer, analyst, finance, admin.',
    defaultText: '(none: everyone gets SLACK_DEFAULT_ROLE)',
    secret: false,
    schema: z
      .string()
      .regex(
        /^\s*[A-Z0-9]+=[\w.@-]+:(viewer|analyst|finance|admin)(\+(viewer|analyst|finance|admin))*(\s*,\s*[A-Z0-9]+=[\w.@-]+:(viewer|analyst|finance|admin)(\+(viewer|analyst|finance|admin))*)*\s*$/,
        'must be SLACK_USER_ID=USER:ROLE[+ROLE], comma-separated, with roles viewer, analyst, finance or admin',
      )
      .optional(),
  },
  {
    name: 'SLACK_DEFAULT_ROLE',
    description:
      'Role of Slack users not in SLACK_USER_ROLES: viewer, analyst, or none (unmapped users are refused).',
    defaultText: 'viewer',
    secret: false,
    schema: z.enum(['viewer', 'analyst', 'none'], { message: 'must be viewer, analyst or none' }).optional(),
  },
  // --- end Slack app settings ---
  {
    name: 'PORT',
    description: 'Port of the web app (0 picks a free port).',
    defaultText: '3000',
    secret: false,
    schema: z
      .string()
      .regex(/^\d+$/, 'must be a whole number from 0 to 65535 (0 picks a free port)')
      .refine(
        (value) => Number(value) <= 65535,
        'must be a whole number from 0 to 65535 (0 picks a free port)',
      )
      .optional(),
  },
  // Web platform (issue 8, part 5): sessions, proxies and rate limits.
  {
    name: 'WEB_SESSION_HOURS',
    description: 'How long a web sign-in lasts, in hours (sessions live in the app database).',
    defaultText: '12',
    secret: false,
    schema: wholeNumber(1, 720, 'a whole number of hours from 1 to 720'),
  },
  {
    name: 'WEB_TRUST_PROXY',
    description:
      'Proxies in front of the web app whose X-Forwarded-* headers to trust: false, a hop count (1 behind one load balancer) or addresses. Decides the client address (rate limits) and HTTPS (Secure cookies).',
    defaultText: 'false',
    secret: false,
    schema: z
      .string()
      .regex(
        /^(true|false|\d{1,2}|[0-9a-fA-F.:/, ]+|loopback|linklocal|uniquelocal)$/,
        'must be false, true, a hop count or a list of addresses',
      )
      .optional(),
  },
  {
    name: 'WEB_SIGN_IN_ATTEMPTS',
    description: 'Sign-in attempts allowed per username and client address in 15 minutes.',
    defaultText: '10',
    secret: false,
    schema: wholeNumber(1, 1000, 'a whole number from 1 to 1000'),
  },
  {
    name: 'WEB_CHAT_PER_MINUTE',
    description: 'Questions one user may ask the web chat per minute.',
    defaultText: '30',
    secret: false,
    schema: wholeNumber(1, 10000, 'a whole number from 1 to 10000'),
  },
  {
    name: 'SHOEBOX_NOW',
    description:
      "A fixed 'now' (YYYY-MM-DD or ISO 8601 time) for reproducible runs; otherwise the system clock.",
    defaultText: '(system clock)',
    secret: false,
    schema: z
      .string()
      .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
        message: 'must be a date (YYYY-MM-DD) or an ISO 8601 time',
      })
      .optional(),
  },
  {
    name: 'SEMANTIC_MODEL_DIR',
    description: 'Folder of the semantic model YAML files the assistant answers from.',
    defaultText: 'semantic-layer/models (the Cordova Shoe Co. demo model)',
    secret: false,
    schema: optionalText,
  },
  {
    name: 'FISCAL_YEAR_START_MONTH',
    description: 'Month (1-12) in which the fiscal year starts.',
    defaultText: '1',
    secret: false,
    schema: z
      .string()
      .regex(/^(1[0-2]|[1-9])$/, 'must be a month number from 1 to 12')
      .optional(),
  },
  {
    name: 'DEMO_SEED',
    description: 'Seed of the demo data generator.',
    defaultText: '42',
    secret: false,
    schema: z
      .string()
      .regex(/^\d{1,9}$/, 'must be a whole number from 0 to 999999999')
      .optional(),
  },
  {
    name: 'DEMO_SCALE',
    description: 'Size of the demo data: 1 is about a million order lines.',
    defaultText: '1',
    secret: false,
    schema: z
      .string()
      .refine(
        (value) => Number(value) > 0 && Number(value) <= 20,
        'must be a number greater than 0 and at most 20',
      )
      .optional(),
  },
];
