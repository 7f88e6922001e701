/** The platform's tunables, from the settings (core/settings.ts WEB_*) or a test's overrides. */
import type { Config } from '../core/config.ts';
import type { RateLimit } from './auth/rate-limiter.ts';

export interface WebSettings {
  sessionTtlMs: number;
  /** Express's "trust proxy": false, a hop count, or a list of addresses. */
  trustProxy: boolean | number | string;
  signInLimit: RateLimit;
  chatLimit: RateLimit;
  /** Largest JSON or form body accepted. */
  bodyLimit: string;
  /** Largest accountants' file accepted for upload. */
  uploadLimit: string;
}

export const DEFAULT_WEB_SETTINGS: WebSettings = {
  sessionTtlMs: 12 * 3600_000,
  trustProxy: false,
  signInLimit: { limit: 10, windowMs: 15 * 60_000 },
  chatLimit: { limit: 30, windowMs: 60_000 },
  bodyLimit: '100kb',
  uploadLimit: '10mb',
};

export function webSettingsOf(config: Config): WebSettings {
  return {
    ...DEFAULT_WEB_SETTINGS,
    sessionTtlMs: config.web.sessionHours * 3600_000,
    trustProxy: config.web.trustProxy,
    signInLimit: { limit: config.web.signInAttempts, windowMs: 15 * 60_000 },
    chatLimit: { limit: config.web.chatPerMinute, windowMs: 60_000 },
  };
}
