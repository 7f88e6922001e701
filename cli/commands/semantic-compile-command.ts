/**
 * `shoebox semantic compile '<json>' [--dialect redshift] [--json]`: a semantic query to the SQL and
 * parameters the warehouse would run, without running it. The model loader is passed in (the
 * `semantic` command owns loading and validating the model folder).
 */
import type { Command } from 'commander';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { schemeOf } from '../../core/url-scheme.ts';
import type { WarehouseDialect } from '../../db/warehouse.ts';
import { compileQuery } from '../../semantic-layer/compiler/compile-query.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { CommandContext } from '../command-context.ts';

export type SemanticModelLoader = (dir: string) => Promise<SemanticLayerModel>;

const DIALECTS: readonly WarehouseDialect[] = ['duckdb', 'postgres', 'redshift'];

function parseDialect(value: string): WarehouseDialect {
  if (!DIALECTS.includes(value as WarehouseDialect)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--dialect must be one of ${DIALECTS.join(', ')} (got "${value}")`,
    );
  }
  return value as WarehouseDialect;
}

/** The dialect WAREHOUSE_URL points at: Redshift by scheme or by its port 5439. */
export function dialectOfWarehouseUrl(url: string): WarehouseDialect {
  const scheme = schemeOf(url);
  if (scheme === 'duckdb:') return 'duckdb';
  if (scheme.startsWith('redshift') || /:5439(\/|$)/.test(url)) return 'redshift';
  return 'postgres';
}

function parseQuery(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CodedError(
      ErrorCode.SemanticQueryInvalid,
      `The query is not valid JSON (${messageOf(error)}); quote it whole, e.g. shoebox semantic compile '{"metrics":["revenue"]}'`,
    );
  }
}

export function addCompileCommand(
  semantic: Command,
  context: CommandContext,
  loadModel: SemanticModelLoader,
): void {
  semantic
    .command('compile')
    .description(
      'compile a semantic query (JSON) to the SQL and parameters for the warehouse, without running it',
    )
    .argument(
      '<json>',
      `the query, e.g. '{"metrics":["revenue"],"time":{"dimension":"metric_time","grain":"month","range":{"relative":"last_quarter"}}}'`,
    )
    .option('--dialect <DIALECT>', "duckdb, postgres or redshift (default: WAREHOUSE_URL's)", parseDialect)
    .option('--json', 'print { sql, params, columns, plan } as JSON')
    .action(async (json: string, options: { dialect?: WarehouseDialect; json?: boolean }) => {
      const query = parseQuery(json);
      const config = context.config();
      const dialect = options.dialect ?? dialectOfWarehouseUrl(config.warehouseUrl);
      const model = await loadModel(config.semanticModelDir);
      const compiled = compileQuery(model, query, {
        dialect,
        clock: config.clock,
        fiscalYearStartMonth: config.fiscalYearStartMonth,
      });
      if (options.json) {
        context.print(JSON.stringify(compiled, null, 2));
        return;
      }
      const { range, compare } = compiled.plan;
      const lines = [
        `-- ${dialect}; period ${range ? `${range.start} to ${range.end}` : 'all time'}${compare ? `, compared with ${compare.range.start} to ${compare.range.end}` : ''}`,
        compiled.sql,
        ...compiled.params.map((value, i) => `-- $${i + 1} = ${JSON.stringify(value)}`),
      ];
      context.print(lines.join('\n'));
    });
}
