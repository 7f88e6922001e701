/**
 * Secrets never reach a log or a screen. Every line shoebox prints about settings or
 * connections goes through these.
 */

const SECRET_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{8,}/g, // OpenAI-style keys
  /\bxox[abpors]-[A-Za-z0-9-]{8,}/g, // Slack bot/user tokens
  /\bxapp-[A-Za-z0-9-]{8,}/g, // Slack app-level tokens
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
];

const REDACTED = '[redacted]';

/** Hides the password of a URL's user-info and any query parameter that looks like a secret. */
export function redactUrl(url: string): string {
  const withoutPassword = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, `$1:${REDACTED}@`);
  return withoutPassword.replace(/([?&](?:password|secret|token|key)[^=&]*=)[^&#]*/gi, `$1${REDACTED}`);
}

/** Replaces every known secret value, and anything shaped like a well-known token, in `text`. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, REDACTED);
  return result;
}
