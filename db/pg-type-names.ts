/**
 * Column type names for pg results, which carry only OIDs. Looked up once per (OID, modifier)
 * and cached: 'formatted' gives format_type's names ('integer', 'numeric(12,2)') for the
 * warehouse; 'short' gives pg_type's ('int4', 'numeric') as the Redshift Data API reports them.
 */

export interface PgField {
  dataTypeID: number;
  dataTypeModifier: number;
}

export type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

export class PgTypeNames {
  private readonly cache = new Map<string, string>();

  constructor(private readonly style: 'formatted' | 'short') {}

  async namesOf(fields: readonly PgField[], run: RunSql): Promise<string[]> {
    const missing = [
      ...new Set(fields.map((field) => this.key(field)).filter((key) => !this.cache.has(key))),
    ];
    if (missing.length > 0) {
      // OIDs and modifiers are integers from the server, safe to inline.
      const lookups = missing.map((key, i) => {
        const [oid, modifier] = key.split('/').map(Number) as [number, number];
        return this.style === 'formatted'
          ? `format_type(${oid}, ${modifier === -1 ? 'NULL' : modifier}) AS t${i}`
          : `(SELECT typname FROM pg_type WHERE oid = ${oid}) AS t${i}`;
      });
      // Names are a courtesy: an engine without the lookup still answers, with 'unknown' types.
      const [row] = await run(`SELECT ${lookups.join(', ')}`).catch(() => []);
      missing.forEach((key, i) => {
        this.cache.set(key, String(row?.[`t${i}`] ?? 'unknown').toLowerCase());
      });
    }
    return fields.map((field) => this.cache.get(this.key(field)) ?? 'unknown');
  }

  private key(field: PgField): string {
    return `${field.dataTypeID}/${this.style === 'formatted' ? field.dataTypeModifier : -1}`;
  }
}
