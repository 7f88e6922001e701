/**
 * The arithmetic of explain_change, apart from any query: each member's change between two
 * periods, its share of the total change, ranked, and how much of the change the top ones explain.
 */
import type { ResultValue } from '../db/warehouse.ts';

export interface Contribution {
  member: string;
  current: number;
  baseline: number;
  change: number;
  /** change / total change (null when the total did not move). */
  share: number | null;
  /** The member's part of the baseline total (null when the baseline is zero). */
  baselineShare: number | null;
}

export interface DimensionBreakdown {
  dimension: string;
  /** Members ranked by how much they moved in the direction of the total (then by size). */
  members: Contribution[];
  /** Share of the total change explained by the top `top` members (may exceed 1 when others offset). */
  topExplains: number | null;
  /**
   * How surprising the top member's move is: its share of the change minus its share of the
   * baseline. A member that is most of the business explains most of any change; that says little.
   */
  score: number;
}

const NONE = '(none)';

function byMember(
  rows: readonly Record<string, ResultValue>[],
  key: string,
  value: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const member = row[key] === null || row[key] === undefined ? NONE : String(row[key]);
    const n = typeof row[value] === 'number' ? (row[value] as number) : Number(row[value] ?? 0);
    out.set(member, (out.get(member) ?? 0) + (Number.isFinite(n) ? n : 0));
  }
  return out;
}

export function breakdown(
  dimension: string,
  current: { rows: readonly Record<string, ResultValue>[]; key: string; value: string },
  baseline: { rows: readonly Record<string, ResultValue>[]; key: string; value: string },
  totalChange: number,
  top: number,
): DimensionBreakdown {
  const now = byMember(current.rows, current.key, current.value);
  const before = byMember(baseline.rows, baseline.key, baseline.value);
  const baselineTotal = [...before.values()].reduce((acc, v) => acc + v, 0);
  const members = [...new Set([...now.keys(), ...before.keys()])].map((member) => {
    const c = now.get(member) ?? 0;
    const b = before.get(member) ?? 0;
    return {
      member,
      current: c,
      baseline: b,
      change: c - b,
      share: totalChange === 0 ? null : (c - b) / totalChange,
      baselineShare: baselineTotal === 0 ? null : b / baselineTotal,
    };
  });
  const direction = totalChange < 0 ? -1 : 1;
  members.sort(
    (a, b) =>
      direction * (b.change - a.change) ||
      Math.abs(b.change) - Math.abs(a.change) ||
      a.member.localeCompare(b.member),
  );
  const topExplains =
    totalChange === 0 ? null : members.slice(0, top).reduce((acc, m) => acc + m.change, 0) / totalChange;
  const lead = members[0];
  const score = lead ? (lead.share ?? 0) - (lead.baselineShare ?? 0) : 0;
  return { dimension, members, topExplains, score };
}

/** Dimensions ranked by their score (see above), then by how much their top N explain. */
export function rankBreakdowns(list: DimensionBreakdown[]): DimensionBreakdown[] {
  return [...list].sort(
    (a, b) =>
      b.score - a.score ||
      (b.topExplains ?? 0) - (a.topExplains ?? 0) ||
      a.dimension.localeCompare(b.dimension),
  );
}
