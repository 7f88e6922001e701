/**
 * Every adapter hands back the same plain values: numbers for numeric types, 'YYYY-MM-DD' for
 * dates, ISO 8601 (UTC, `Z`) for timestamps. Engines print timestamps as
 * 'YYYY-MM-DD HH:MM:SS[.ffffff][+TZ]'; one function turns that text into ISO for all of them.
 */
import type { ResultValue } from './warehouse.ts';

/** How a column's text should be read, whatever engine it came from. */
export type ValueKind = 'number' | 'boolean' | 'date' | 'timestamp' | 'text';

const ENGINE_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?(?::\d{2})?)?$/;

/**
 * Engine timestamp text → ISO 8601 in UTC. A timestamp without a zone is read as UTC (the
 * warehouse stores business times without zones; this keeps them unshifted). Text that is not
 * a finite timestamp ('infinity', BC dates) is returned unchanged.
 */
export function isoTimestamp(text: string): string {
  const match = ENGINE_TIMESTAMP.exec(text.trim());
  if (!match) return text;
  const [, date, time, fraction = '', zone] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const parsed = new Date(`${date}T${time}.${millis}${isoZone(zone)}`);
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
}

/** '+05' → '+05:00', '+0530' → '+05:30', '+05:30:00' → '+05:30', none → 'Z'. */
function isoZone(zone: string | undefined): string {
  if (zone === undefined || zone === 'Z') return 'Z';
  const digits = zone.slice(1).replace(/:/g, '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4).padEnd(2, '0')}`;
}

/** Reads an engine's text form of a value of the given kind. */
export function valueFromText(kind: ValueKind, text: string): ResultValue {
  switch (kind) {
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 't' || text === 'true';
    case 'timestamp':
      return isoTimestamp(text);
    default:
      return text;
  }
}
