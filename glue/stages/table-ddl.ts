/** Column DDL of a source table in the warehouse's types (raw and staging tables share it). */
import type { Warehouse } from '../../db/warehouse.ts';
import type { SourceTable } from '../sources/extract-source.ts';
import { toWarehouseType } from '../sqlserver-types.ts';

export function columnDdl(table: SourceTable, dialect: Warehouse['dialect']): string {
  return table.columns.map((c) => `${c.name} ${toWarehouseType(c.type, dialect)}`).join(', ');
}

/** The run's staging table for one source table: stage.<source>_<table>. */
export const STAGE_SCHEMA = 'stage';
export function stageTable(source: string, table: string): string {
  return `${STAGE_SCHEMA}.${source}_${table}`;
}
