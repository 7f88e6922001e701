/**
 * Reads every *.yaml / *.yml under the model folder (sorted, subfolders included), parses each
 * keeping line numbers and checks it against the file schema. Files with syntax or shape errors
 * are reported and left out, so the cross-file checks still run over the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import {
  type ModelFile,
  metricSchema,
  semanticModelSchema,
  verifiedQuerySchema,
} from '../model/model-file.ts';
import type { IssueSink } from './issue-sink.ts';

export type YamlPath = readonly (string | number)[];

export interface LoadedModelFile {
  /** Relative to the model folder, with forward slashes. */
  file: string;
  /** The members that passed the file schema (bad ones are reported and left out). */
  content: ModelFile;
  /** For each list of `content`, the index of each member in the YAML list. */
  yamlIndex: { [K in keyof ModelFile]: number[] };
  /** The line of the value at `at` (or of its nearest written parent). */
  lineOf(at: YamlPath): number;
}

export function listModelFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/i.test(name))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

export function loadModelFiles(dir: string, sink: IssueSink): LoadedModelFile[] {
  const loaded: LoadedModelFile[] = [];
  for (const file of listModelFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = lineCounter.linePos(error.pos[0]).line;
        sink.add('YAML_SYNTAX', { file, line }, `YAML syntax: ${error.message.split('\n')[0]}`);
      }
      continue;
    }
    const lineOf = (at: YamlPath) => lineOfPath(doc, lineCounter, at);
    const top = fileLists.safeParse(doc.toJS() ?? {});
    if (!top.success) {
      for (const issue of top.error.issues) reportShape(sink, file, lineOf, issue, []);
      continue;
    }
    // Item by item, so one bad metric leaves the rest of the file in the cross-file checks.
    const content: ModelFile = { semantic_models: [], metrics: [], verified_queries: [] };
    const yamlIndex: LoadedModelFile['yamlIndex'] = {
      semantic_models: [],
      metrics: [],
      verified_queries: [],
    };
    const keep = <K extends keyof ModelFile>(list: K, schema: z.ZodType<ModelFile[K][number]>) => {
      top.data[list].forEach((item, i) => {
        const parsed = schema.safeParse(item);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) reportShape(sink, file, lineOf, issue, [list, i]);
          return;
        }
        (content[list] as ModelFile[K][number][]).push(parsed.data);
        yamlIndex[list].push(i);
      });
    };
    keep('semantic_models', semanticModelSchema);
    keep('metrics', metricSchema);
    keep('verified_queries', verifiedQuerySchema);
    loaded.push({ file, content, yamlIndex, lineOf });
  }
  return loaded;
}

const fileLists = z
  .object({
    semantic_models: z.array(z.unknown()).default([]),
    metrics: z.array(z.unknown()).default([]),
    verified_queries: z.array(z.unknown()).default([]),
  })
  .strict();

function lineOfPath(doc: Document, lineCounter: LineCounter, at: YamlPath): number {
  for (let length = at.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(at.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return 1;
}

function reportShape(
  sink: IssueSink,
  file: string,
  lineOf: (at: YamlPath) => number,
  issue: z.core.$ZodIssue,
  prefix: YamlPath,
): void {
  const at = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const where = at.length > 0 ? at.join('.') : '(file)';
  if (keys.length > 0) {
    for (const key of keys) {
      sink.add(
        'WRONG_SHAPE',
        { file, line: lineOf([...at, key]) },
        `${where}: unknown key "${key}"; remove it or check its spelling (docs/semantic-model.md lists the keys)`,
      );
    }
    return;
  }
  // A verified query's own shape has its own code: the model is fine, one example is not.
  const code = at[0] === 'verified_queries' && at[2] === 'query' ? 'VERIFIED_QUERY_SHAPE' : 'WRONG_SHAPE';
  sink.add(code, { file, line: lineOf(at) }, `${where}: ${issue.message}`);
}
