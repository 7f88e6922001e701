/**
 * Job arguments are visible to anyone who can read the job (console, GetJob, logs): a secret
 * must never be one. Arguments that name a secret must hold a Secrets Manager ARN.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

export const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const SECRET_NAME = /password|passwd|secret|token|credential|api_?key/i;
// Values shaped like credentials, whatever their argument is called.
const SECRET_VALUE = [/AKIA[0-9A-Z]{16}/, /:\/\/[^/\s:@]+:[^/\s@]+@/, /xox[abp]-/, /-----BEGIN/];

export function assertNoSecrets(args: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(args)) {
    const leaks = SECRET_NAME.test(name) ? !SECRET_ARN.test(value) : SECRET_VALUE.some((p) => p.test(value));
    if (leaks) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `Glue job argument ${name} would carry a secret in clear text; store it in Secrets Manager and pass the secret's ARN instead.`,
      );
    }
  }
}
