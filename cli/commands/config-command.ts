/** `shoebox config`: the effective settings, where each came from, secrets redacted. */
import type { Command } from 'commander';
import type { Config } from '../../core/config.ts';
import { redactUrl } from '../../core/redact.ts';
import { SETTINGS } from '../../core/settings.ts';
import type { CommandContext } from '../command-context.ts';

export function registerConfigCommand(program: Command, context: CommandContext): void {
  program
    .command('config')
    .description(
      'print the effective settings (environment > shoebox.config.yaml > defaults), secrets redacted',
    )
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `\nSettings:\n${SETTINGS.map((s) => `  ${s.name.padEnd(24)} ${s.description} Default: ${s.defaultText}.`).join('\n')}`,
    )
    .action((options: { json?: boolean }) => {
      const config = context.config();
      const rows = effectiveSettings(config);
      if (options.json) {
        context.print(
          JSON.stringify(
            Object.fromEntries(rows.map((r) => [r.name, { value: r.value, source: r.source }])),
            null,
            2,
          ),
        );
        return;
      }
      if (config.configFile) context.print(`config file: ${config.configFile}`);
      for (const row of rows) context.print(`${row.name.padEnd(24)} ${row.value.padEnd(56)} ${row.source}`);
    });
}

export interface EffectiveSetting {
  name: string;
  value: string;
  source: string;
}

/** Each setting's value as shoebox will use it; secrets only say whether they are set. */
export function effectiveSettings(config: Config): EffectiveSetting[] {
  const values: Record<string, string | number | undefined> = {
    SHOEBOX_HOME: config.home,
    WAREHOUSE_URL: redactUrl(config.warehouseUrl),
    LEDGER_URL: redactUrl(config.ledgerUrl),
    ERP_URL: redactUrl(config.erpUrl),
    STAGING_URL: config.stagingUrl,
    REDSHIFT_COPY_IAM_ROLE: config.redshiftCopyIamRole,
    AWS_REGION: config.awsRegion,
    OPENAI_API_KEY: config.openai.apiKey,
    OPENAI_BASE_URL: config.openai.baseUrl,
    OPENAI_MODEL: config.openai.model,
    SLACK_BOT_TOKEN: config.slack.botToken,
    SLACK_APP_TOKEN: config.slack.appToken,
    SLACK_SIGNING_SECRET: config.slack.signingSecret,
    SLACK_MODE: config.slack.mode,
    SLACK_PORT: config.slack.port,
    SLACK_USER_ROLES: Object.keys(config.slack.users).length
      ? Object.entries(config.slack.users)
          .map(([id, user]) => `${id}=${user.userId}:${user.roles.join('+')}`)
          .join(',')
      : undefined,
    SLACK_DEFAULT_ROLE:
      config.sources.SLACK_DEFAULT_ROLE === 'default' ? undefined : (config.slack.defaultRoles[0] ?? 'none'),
    PORT: config.port,
    SHOEBOX_NOW: config.fixedNow?.toISOString(),
    FISCAL_YEAR_START_MONTH: config.fiscalYearStartMonth,
    DEMO_SEED: config.demo.seed,
    DEMO_SCALE: config.demo.scale,
  };
  return SETTINGS.map((spec) => {
    const value = values[spec.name];
    const shown = value === undefined ? spec.defaultText : spec.secret ? '(set, redacted)' : String(value);
    return { name: spec.name, value: shown, source: config.sources[spec.name] ?? 'default' };
  });
}
