/**
 * How the Data API stand-in presents pg results the way Redshift's Data API does: integers as
 * longValue, floats as doubleValue, booleans as booleanValue, everything else (DECIMAL, dates,
 * timestamps, text) as the server's text in stringValue; column types by their short names.
 */
import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import type { FieldDef } from 'pg';
import { PG_BOOL_OID, PG_FLOAT_OIDS, PG_INTEGER_OIDS, PG_NUMERIC_OID } from './pg-value-kinds.ts';

export function fieldOf(text: unknown, oid: number): Field {
  if (text === null || text === undefined) return { isNull: true };
  const value = String(text);
  if (PG_INTEGER_OIDS.has(oid)) return { longValue: Number(value) };
  if (PG_FLOAT_OIDS.has(oid)) return { doubleValue: Number(value) };
  if (oid === PG_BOOL_OID) return { booleanValue: value === 't' };
  return { stringValue: value };
}

export function columnMetadataOf(field: FieldDef, typeName: string): ColumnMetadata {
  // numeric's type modifier packs (precision << 16 | scale) + 4; -1 means unconstrained.
  const numeric = field.dataTypeID === PG_NUMERIC_OID && field.dataTypeModifier >= 4;
  const packed = field.dataTypeModifier - 4;
  return {
    name: field.name,
    label: field.name,
    typeName,
    precision: numeric ? (packed >> 16) & 0xffff : 0,
    scale: numeric ? packed & 0xffff : 0,
    nullable: 2,
    isCaseSensitive: false,
    isCurrency: false,
    isSigned: PG_INTEGER_OIDS.has(field.dataTypeID) || PG_FLOAT_OIDS.has(field.dataTypeID) || numeric,
    schemaName: '',
    tableName: '',
    length: 0,
    columnDefault: undefined,
  };
}
