/**
 * The joins the entities imply: model A joins model B (many-to-one) when A has a foreign entity
 * that is B's primary or unique entity. Checks that each foreign entity matches exactly one model,
 * that there is no cycle, and that no model reaches another by two different paths (the compiler
 * could not know which one a question means).
 */
import type { IssueSink } from './issue-sink.ts';
import { type ModelIndex, placeOf } from './model-index.ts';

export interface JoinEdge {
  entity: string;
  to: string;
}

export interface JoinGraph {
  edges: Map<string, JoinEdge[]>;
  /** Models reachable from a model by following joins, itself included. */
  reachable(from: string): Set<string>;
}

export function checkJoinGraph(index: ModelIndex, sink: IssueSink): JoinGraph {
  const edges = new Map<string, JoinEdge[]>();
  for (const [name, model] of index.models) {
    const out: JoinEdge[] = [];
    model.spec.entities.forEach((entity, i) => {
      if (entity.type !== 'foreign') return;
      const targets = [...index.models.values()].filter((m) =>
        m.spec.entities.some((e) => e.name === entity.name && e.type !== 'foreign'),
      );
      const place = placeOf(model, 'entities', i, 'name');
      if (targets.length === 0) {
        sink.add(
          'FOREIGN_ENTITY_UNMATCHED',
          place,
          `model "${name}": foreign entity "${entity.name}" is not the primary or unique entity of any model; add a model with \`type: primary\` entity "${entity.name}" or fix the name`,
        );
      } else if (targets.length > 1) {
        sink.add(
          'FOREIGN_ENTITY_AMBIGUOUS',
          place,
          `model "${name}": foreign entity "${entity.name}" is primary or unique in several models (${targets.map((t) => t.spec.name).join(', ')}); keep it primary in one only`,
        );
      } else if (targets[0]) out.push({ entity: entity.name, to: targets[0].spec.name });
    });
    edges.set(name, out);
  }
  const cyclic = reportCycles(index, edges, sink);
  if (!cyclic) reportTwoPaths(index, edges, sink);
  return {
    edges,
    reachable(from) {
      const seen = new Set<string>();
      const visit = (m: string) => {
        if (seen.has(m)) return;
        seen.add(m);
        for (const e of edges.get(m) ?? []) visit(e.to);
      };
      visit(from);
      return seen;
    },
  };
}

function reportCycles(index: ModelIndex, edges: Map<string, JoinEdge[]>, sink: IssueSink): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const e of edges.get(m) ?? []) {
      if (state.get(e.to) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(e.to)), e.to];
        const key = [...new Set(cycle)].sort().join(',');
        const at = index.models.get(e.to);
        if (!reported.has(key) && at) {
          reported.add(key);
          sink.add(
            'JOIN_CYCLE',
            placeOf(at),
            `the joins form a cycle: ${cycle.join(' -> ')}; make one of these foreign entities a plain dimension`,
          );
        }
      } else if (!state.has(e.to)) visit(e.to);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of edges.keys()) if (!state.has(m)) visit(m);
  return reported.size > 0;
}

function reportTwoPaths(index: ModelIndex, edges: Map<string, JoinEdge[]>, sink: IssueSink): void {
  for (const [from, model] of index.models) {
    // Every path from `from`, keyed by target; the graph is acyclic here, and small.
    const paths = new Map<string, string[][]>();
    const walk = (m: string, path: string[]) => {
      for (const e of edges.get(m) ?? []) {
        const next = [...path, e.to];
        paths.set(e.to, [...(paths.get(e.to) ?? []), next]);
        walk(e.to, next);
      }
    };
    walk(from, [from]);
    for (const [to, list] of paths) {
      // Report where the paths part: at the model whose own joins lead two ways.
      const firstHops = new Set(list.map((p) => p[1]));
      if (list.length < 2 || firstHops.size < 2) continue;
      sink.add(
        'TWO_JOIN_PATHS',
        placeOf(model),
        `model "${from}" reaches "${to}" by ${list.length} join paths (${list.map((p) => p.join(' -> ')).join('; ')}); remove one foreign entity so that the path is unique`,
      );
    }
  }
}
