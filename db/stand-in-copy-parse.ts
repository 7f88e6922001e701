/**
 * The Data API stand-in's reading of a Redshift `COPY table (cols) FROM 's3://...' options`:
 * the subset db/redshift-copy.ts writes, and Redshift's own refusal when credentials are missing.
 * Any option the stand-in does not model is refused by name rather than silently ignored.
 */
import { StandInError } from './stand-in-error.ts';

export interface ParsedCopy {
  schema: string | undefined;
  table: string;
  columns: string[] | undefined;
  from: string;
  iamRole: string;
  manifest: boolean;
  gzip: boolean;
  ignoreHeader: number;
  dateFormat: string;
  timeFormat: string;
  emptyAsNull: boolean;
  blanksAsNull: boolean;
}

type Token = { kind: 'word' | 'ident' | 'string' | 'number' | 'punct'; text: string };

// Redshift string literals take '' and backslash escapes; identifiers "" escapes.
const TOKEN = /\s*(?:'((?:[^'\\]|''|\\.)*)'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)|(\d+)|([(),.;]))/y;

export function isS3Copy(sql: string): boolean {
  return /^\s*copy\s/i.test(sql) && /\bfrom\s+'s3:\/\//i.test(sql);
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const end = sql.trimEnd().length;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < end) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(sql);
    if (!match) throw new StandInError(`syntax error at or near "${sql.slice(at, at + 20).trim()}"`);
    if (match[1] !== undefined)
      tokens.push({ kind: 'string', text: match[1].replace(/''/g, "'").replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'ident', text: match[2].replace(/""/g, '"') });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'number', text: match[4] });
    else if (match[5] !== ';') tokens.push({ kind: 'punct', text: match[5] as string });
  }
  return tokens;
}

export function parseCopy(sql: string): ParsedCopy {
  const tokens = tokenize(sql);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const token = tokens[i++];
    if (!token) throw new StandInError('syntax error at end of input');
    return token;
  };
  const word = () => next().text.toUpperCase();
  const name = () => {
    const token = next();
    if (token.kind === 'ident') return token.text;
    if (token.kind === 'word') return token.text.toLowerCase();
    throw new StandInError(`syntax error at or near "${token.text}"`);
  };
  const expect = (kind: Token['kind'], what: string) => {
    const token = next();
    if (token.kind !== kind)
      throw new StandInError(`syntax error at or near "${token.text}": expected ${what}`);
    return token.text;
  };
  const optionalAs = () => {
    if (peek()?.kind === 'word' && peek()?.text.toUpperCase() === 'AS') i++;
  };

  if (word() !== 'COPY') throw new StandInError('not a COPY statement');
  let table = name();
  let schema: string | undefined;
  if (peek()?.text === '.') {
    i++;
    schema = table;
    table = name();
  }
  let columns: string[] | undefined;
  if (peek()?.text === '(') {
    i++;
    columns = [name()];
    while (peek()?.text === ',') {
      i++;
      columns.push(name());
    }
    if (next().text !== ')') throw new StandInError('syntax error in the column list');
  }
  if (word() !== 'FROM') throw new StandInError('syntax error: expected FROM');
  const parsed: ParsedCopy = {
    schema,
    table,
    columns,
    from: expect('string', "an 's3://...' location"),
    iamRole: '',
    manifest: false,
    gzip: false,
    ignoreHeader: 0,
    dateFormat: 'YYYY-MM-DD',
    timeFormat: 'YYYY-MM-DD HH:MI:SS',
    emptyAsNull: false,
    blanksAsNull: false,
  };
  while (i < tokens.length) {
    const option = word();
    if (option === 'IAM_ROLE') parsed.iamRole = expect('string', 'the IAM role ARN');
    else if (option === 'FORMAT') {
      optionalAs();
      if (word() !== 'CSV') throw new StandInError('the stand-in models FORMAT AS CSV only');
    } else if (option === 'CSV') continue;
    else if (option === 'MANIFEST') parsed.manifest = true;
    else if (option === 'GZIP') parsed.gzip = true;
    else if (option === 'IGNOREHEADER') {
      optionalAs();
      parsed.ignoreHeader = Number(expect('number', 'a number of lines'));
    } else if (option === 'DATEFORMAT') {
      optionalAs();
      parsed.dateFormat = expect('string', 'a date format');
    } else if (option === 'TIMEFORMAT') {
      optionalAs();
      parsed.timeFormat = expect('string', 'a time format');
    } else if (option === 'EMPTYASNULL') parsed.emptyAsNull = true;
    else if (option === 'BLANKSASNULL') parsed.blanksAsNull = true;
    else if (option === 'COMPUPDATE' || option === 'STATUPDATE') word();
    else throw new StandInError(`The stand-in does not model the COPY option ${option}`);
  }
  if (parsed.iamRole === '') {
    // Redshift's own words when a COPY carries no authorization.
    throw new StandInError(
      "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or 'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'",
    );
  }
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(parsed.iamRole)) {
    throw new StandInError(`Invalid IAM role ARN "${parsed.iamRole}"`);
  }
  return parsed;
}
