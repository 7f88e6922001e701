/**
 * The column types `shoebox load` infers, how a text value is tested against each, and the value
 * written for the warehouse. Kinds go from narrowest to widest: a column takes the first kind
 * every sampled value fits; text fits everything.
 */
import { parseDate } from '../file-loads/parse-values.ts';

export type ColumnKind = 'boolean' | 'integer' | 'decimal' | 'date' | 'timestamp' | 'double' | 'text';

export interface ColumnType {
  kind: ColumnKind;
  /** decimal: digits in all and after the point. */
  precision?: number;
  scale?: number;
  /** text: the widest value allowed, in UTF-8 bytes (Redshift counts bytes). */
  maxBytes?: number;
}

export type Checked = { ok: true; value: string } | { ok: false; message: string };

const TRUE = new Set(['true', 't', 'yes', 'y']);
const FALSE = new Set(['false', 'f', 'no', 'n']);
const INTEGER = /^[-+]?\d{1,18}$/;
const DECIMAL = /^([-+])?(\d*)\.(\d+)$|^([-+])?(\d+)\.$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DOUBLE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?(inf|infinity|nan)$/i;

/** Digits before and after the point of a plain decimal, or undefined when it is not one. */
export function decimalShape(text: string): { whole: number; scale: number } | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const whole = (m[2] ?? m[5] ?? '').replace(/^0+/, '').length;
  return { whole, scale: (m[3] ?? '').length };
}

function timestampValue(text: string): string | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const date = parseDate(m[1] as string);
  const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (!date.ok || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const local = `${date.value} ${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] ?? ''}`;
  if (!m[6]) return local;
  // A zone given: store the UTC instant (the column is a plain TIMESTAMP on every engine).
  const zone = m[6] === 'Z' ? 'Z' : m[6].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const instant = new Date(`${local.replace(' ', 'T')}${zone}`);
  return Number.isNaN(instant.getTime())
    ? undefined
    : instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** Tests one non-empty value against a kind; on success, the value as the warehouse loads it. */
export function checkValue(type: ColumnType, text: string): Checked {
  const fail = (what: string): Checked => ({ ok: false, message: `"${text}" is not ${what}` });
  switch (type.kind) {
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower)
        ? { ok: true, value: 'true' }
        : FALSE.has(lower)
          ? { ok: true, value: 'false' }
          : fail('a boolean (true/false, yes/no)');
    }
    case 'integer':
      return INTEGER.test(text) ? { ok: true, value: text.replace(/^\+/, '') } : fail('a whole number');
    case 'decimal': {
      const shape = /^[-+]?\d+$/.test(text)
        ? { whole: text.replace(/^[-+]?0*/, '').length, scale: 0 }
        : decimalShape(text);
      if (!shape) return fail('a decimal number');
      if (shape.scale > (type.scale ?? 0) || shape.whole > (type.precision ?? 0) - (type.scale ?? 0)) {
        return fail(`a decimal(${type.precision},${type.scale})`);
      }
      return { ok: true, value: text.replace(/^\+/, '') };
    }
    case 'double':
      return DOUBLE.test(text) ? { ok: true, value: text } : fail('a number');
    case 'date': {
      const date = parseDate(text);
      return date.ok ? { ok: true, value: date.value } : { ok: false, message: date.message };
    }
    case 'timestamp': {
      const stamp = timestampValue(text);
      if (stamp) return { ok: true, value: stamp };
      const date = parseDate(text);
      return date.ok
        ? { ok: true, value: `${date.value} 00:00:00` }
        : fail('a timestamp (YYYY-MM-DD HH:MM:SS)');
    }
    case 'text': {
      const bytes = Buffer.byteLength(text, 'utf8');
      return bytes > (type.maxBytes ?? Number.POSITIVE_INFINITY)
        ? { ok: false, message: `${bytes} bytes, more than the ${type.maxBytes} the column was sized for` }
        : { ok: true, value: text };
    }
  }
}

/** The warehouse type of a column, in SQL every engine here accepts. */
export function sqlType(type: ColumnType): string {
  switch (type.kind) {
    case 'boolean':
      return 'BOOLEAN';
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'double':
      return 'DOUBLE PRECISION';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'text':
      return `VARCHAR(${type.maxBytes})`;
  }
}

/** How a type reads in the report: 'decimal(10,2)', 'text (up to 256 bytes)'. */
export function describeType(type: ColumnType): string {
  if (type.kind === 'decimal') return `decimal(${type.precision},${type.scale})`;
  if (type.kind === 'text') return `text (up to ${type.maxBytes} bytes)`;
  return type.kind;
}
