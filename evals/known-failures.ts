/**
 * Cases the offline assistant is known to get wrong today, each with why. The gate
 * (evals-gate.test.ts) fails on any failure NOT listed here, and on any listed case that now
 * passes (take it off the list), so the list can only shrink. Issue #10 is done when it is empty.
 */
export interface KnownFailure {
  id: string;
  reason: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];
