/**
 * Joins follow from entities. A hop from model A to model B over entity e is safe (many-to-one)
 * when B holds e as primary or unique: each A row meets at most one B row. The other two kinds of
 * hop multiply rows and are refused, naming both models: primary/unique in A to foreign in B is a
 * fan-out (one A row meets many B rows), foreign to foreign is a chasm (many to many).
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SemanticModelSpec } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';

export interface JoinHop {
  from: string;
  to: string;
  entity: string;
}

type HopKind = 'many_to_one' | 'fan_out' | 'chasm';

function hops(model: SemanticLayerModel, from: SemanticModelSpec): { hop: JoinHop; kind: HopKind }[] {
  const out: { hop: JoinHop; kind: HopKind }[] = [];
  for (const entity of from.entities) {
    for (const other of model.semanticModels) {
      if (other.name === from.name) continue;
      const target = other.entities.find((e) => e.name === entity.name);
      if (!target) continue;
      const kind: HopKind =
        target.type !== 'foreign' ? 'many_to_one' : entity.type === 'foreign' ? 'chasm' : 'fan_out';
      out.push({ hop: { from: from.name, to: other.name, entity: entity.name }, kind });
    }
  }
  return out;
}

function search(model: SemanticLayerModel, from: string, to: string, safeOnly: boolean) {
  const byName = new Map(model.semanticModels.map((m) => [m.name, m]));
  const previous = new Map<string, { hop: JoinHop; kind: HopKind } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === to) break;
    const spec = byName.get(current);
    if (!spec) continue;
    for (const step of hops(model, spec)) {
      if (safeOnly && step.kind !== 'many_to_one') continue;
      if (previous.has(step.hop.to)) continue;
      previous.set(step.hop.to, step);
      queue.push(step.hop.to);
    }
  }
  if (!previous.has(to)) return undefined;
  const path: { hop: JoinHop; kind: HopKind }[] = [];
  for (let at = previous.get(to); at; at = previous.get(at.hop.from)) path.unshift(at);
  return path;
}

/** Models reachable from `from` by many-to-one hops only (including itself). */
export function reachableModels(model: SemanticLayerModel, from: string): string[] {
  return model.semanticModels
    .map((m) => m.name)
    .filter((name) => search(model, from, name, true) !== undefined);
}

/**
 * The many-to-one path from a metric's model to a dimension's model (empty when they are the
 * same). Throws SemanticJoinTrap for a path that exists only through a fan-out or chasm, and
 * SemanticUnsupportedSlice when there is no path at all.
 */
export function joinPath(model: SemanticLayerModel, from: string, to: string, asked: string): JoinHop[] {
  const safe = search(model, from, to, true);
  if (safe) return safe.map((s) => s.hop);
  const reachable = reachableModels(model, from).filter((m) => m !== from);
  const instead = `Slice it by a dimension of ${from}${reachable.length > 0 ? ` or of ${reachable.join(', ')}` : ''}, or ask for a metric defined on ${to}.`;
  const any = search(model, from, to, false);
  const bad = any?.find((s) => s.kind !== 'many_to_one');
  if (bad) {
    const what =
      bad.kind === 'fan_out'
        ? `a fan-out: each ${bad.hop.from} row matches many ${bad.hop.to} rows over "${bad.hop.entity}"`
        : `a chasm: ${bad.hop.from} and ${bad.hop.to} both hold "${bad.hop.entity}" as a foreign key (many to many)`;
    throw new CodedError(
      ErrorCode.SemanticJoinTrap,
      `Cannot slice ${asked}: joining ${from} to ${to} is ${what}, which would count ${from}'s rows more than once. ${instead}`,
      { details: { from, to, trap: bad.kind, via: bad.hop } },
    );
  }
  throw new CodedError(
    ErrorCode.SemanticUnsupportedSlice,
    `Cannot slice ${asked}: no join path leads from ${from} to ${to}. ${instead}`,
    { details: { from, to } },
  );
}
