/**
 * `shoebox semantic list | validate`: the semantic model in SEMANTIC_MODEL_DIR, listed for
 * people (or as JSON) and validated with every problem on its own line. The `semantic` command
 * is returned so further subcommands (compile) can be added to it.
 */
import { type Command, Option } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import {
  loadSemanticModel,
  validateSemanticModelOnline,
} from '../../semantic-layer/validate/validate-semantic-model.ts';
import { formatIssue } from '../../semantic-layer/validate/validation-codes.ts';
import type { CommandContext } from '../command-context.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';

export function registerSemanticCommand(program: Command, context: CommandContext): Command {
  const semantic = program
    .command('semantic')
    .description('the semantic model (metrics, dimensions, verified queries) in SEMANTIC_MODEL_DIR');
  semantic
    .command('list')
    .description("list the metrics (type, format, description) and each model's dimensions")
    .addOption(new Option('--json', 'print JSON instead of text'))
    .action((options: { json?: boolean }) => {
      const model = loadSemanticModel(context.config().semanticModelDir);
      context.print(options.json ? JSON.stringify(catalogSummary(model), null, 2) : catalogText(model));
    });
  semantic
    .command('validate')
    .description('check every file, reference, join path and expression; exit 1 listing every problem')
    .option('--warehouse', 'also check that every relation and column exists in WAREHOUSE_URL')
    .action(async (options: { warehouse?: boolean }) => {
      const dir = context.config().semanticModelDir;
      const warehouse = options.warehouse ? await openConfiguredWarehouse(context) : undefined;
      try {
        const { model, errors } = await validateSemanticModelOnline(dir, warehouse);
        for (const issue of errors) context.print(formatIssue(issue));
        if (errors.length > 0) {
          throw new CodedError(
            ErrorCode.SemanticModelInvalid,
            `${errors.length === 1 ? '1 problem' : `${errors.length} problems`} in the semantic model in ${dir} (listed above); see docs/semantic-model.md for each code`,
          );
        }
        const s = catalogSummary(model).counts;
        context.log.info(
          `The semantic model in ${dir} is valid: ${s.semantic_models} models, ${s.metrics} metrics, ${s.dimensions} dimensions, ${s.verified_queries} verified queries${warehouse ? `, columns checked against ${warehouse.description}` : ''}.`,
        );
      } finally {
        await warehouse?.close();
      }
    });
  return semantic;
}

export function catalogSummary(model: SemanticLayerModel) {
  const dimensions = model.semanticModels.flatMap((m) => m.dimensions);
  return {
    counts: {
      semantic_models: model.semanticModels.length,
      metrics: model.metrics.length,
      dimensions: dimensions.length,
      verified_queries: model.verifiedQueries.length,
    },
    metrics: model.metrics.map((m) => ({
      name: m.name,
      type: m.type,
      format: m.format,
      description: m.description,
      synonyms: m.synonyms,
    })),
    semantic_models: model.semanticModels.map((m) => ({
      name: m.name,
      relation: m.relation,
      description: m.description,
      dimensions: m.dimensions.map((d) => ({
        name: `${m.name}.${d.name}`,
        type: d.type,
        description: d.description,
        sample_values: d.sample_values,
      })),
    })),
  };
}

function catalogText(model: SemanticLayerModel): string {
  const summary = catalogSummary(model);
  const width = Math.max(...summary.metrics.map((m) => m.name.length));
  const lines = [`Metrics (${summary.counts.metrics}):`];
  for (const m of summary.metrics) {
    lines.push(`  ${m.name.padEnd(width)}  ${m.type.padEnd(10)}  ${m.format.padEnd(8)}  ${m.description}`);
  }
  lines.push(
    '',
    `Dimensions (${summary.counts.dimensions}) by semantic model (${summary.counts.semantic_models}):`,
  );
  for (const m of summary.semantic_models) {
    const dims = m.dimensions.map((d) => (d.type === 'time' ? `${d.name} (time)` : d.name));
    lines.push(`  ${m.name} (${m.relation}): ${dims.join(', ') || 'no dimensions'}`);
  }
  lines.push('', `Verified queries: ${summary.counts.verified_queries}`);
  return lines.join('\n');
}
