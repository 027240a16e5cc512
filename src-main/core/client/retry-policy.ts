/**
 * Bounded exponential backoff for retries within one call (API-FACTS f.3). No jitter: one
 * operator's console does not stampede a gateway, and fixed delays keep tests exact.
 */
export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000 };

/** Delay before attempt `failedAttempt + 1`: base, 2x base, 4x base ... capped at maxDelayMs. */
export function backoffDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
}
