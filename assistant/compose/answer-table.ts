/**
 * The compact table an answer carries: the result's columns with labels, at most MAX_ROWS rows of
 * raw values (surfaces format them by column), and how many rows there were. Ledger records and
 * dimension values get a simple table too.
 */

import { dimensionLabel, metricLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { TableArtifact } from '../../tools/artifact-store.ts';
import type { AnswerTable } from '../answer.ts';

export const MAX_TABLE_ROWS = 12;

type Cell = string | number | boolean | null;

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

function columnLabel(model: SemanticLayerModel, name: string, role: string, member: string): string {
  if (role === 'time') return 'Period';
  if (role === 'dimension') return dimensionLabel(model, member);
  const base = metricLabel(model, member);
  if (role === 'share') return `${base} share`;
  if (name.endsWith('_change_pct')) return `${base} change %`;
  if (name.endsWith('_change')) return `${base} change`;
  if (name.endsWith('_previous')) return `${base} before`;
  return base;
}

export function tableOf(artifact: TableArtifact, model: SemanticLayerModel): AnswerTable {
  return {
    title: artifact.title,
    columns: artifact.columns.map((c) => ({
      name: c.name,
      label: columnLabel(model, c.name, c.role, c.member),
      format: c.format,
      role: c.role,
    })),
    rows: artifact.rows.slice(0, MAX_TABLE_ROWS).map((row) => artifact.columns.map((c) => cell(row[c.name]))),
    totalRows: artifact.rows.length,
    truncated: artifact.truncated || artifact.rows.length > MAX_TABLE_ROWS,
  };
}

/** A table of plain records (ledger entries): their scalar fields as text columns. */
export function recordTable(title: string, records: readonly Record<string, unknown>[]): AnswerTable {
  const first = records[0] ?? {};
  const names = Object.keys(first)
    .filter((k) => ['string', 'number', 'boolean'].includes(typeof first[k]) || first[k] === null)
    .slice(0, 7);
  return {
    title,
    columns: names.map((name) => ({
      name,
      label: name.replace(/_/g, ' '),
      format: 'text',
      role: 'dimension',
    })),
    rows: records.slice(0, MAX_TABLE_ROWS).map((r) => names.map((n) => cell(r[n]))),
    totalRows: records.length,
    truncated: records.length > MAX_TABLE_ROWS,
  };
}
