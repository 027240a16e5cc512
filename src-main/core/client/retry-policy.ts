/**
 * How long the client waits before resending within one call (API-FACTS f.3).
 *
 * - The general policy (network failure, timeout, HTTP 5xx, a retryable U): bounded exponential
 *   backoff without jitter. One operator's console does not stampede a gateway, and fixed delays
 *   keep tests exact.
 * - REQUEST_TRAFFIC_EXCEED_LIMIT: Antom is rate-limiting the merchant's client-id, a limit every
 *   console, receiver and backend of that merchant shares. Resending on the general schedule would
 *   hit it again at once and in step with the others, so this code backs off over a longer window
 *   with jitter (issue 8 §5).
 * - ORDER_NOT_EXIST from inquiryPayment right after a payment session: the payment may not be
 *   visible yet. Antom's inquiryPayment reference says to call again after 15 s, and that after 3
 *   tries the order was never created (API-FACTS c.2 / f.3); only then is it shown as final.
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

/** The rate-limit code every Antom API can answer (U): the request was not processed. */
export const TRAFFIC_LIMIT_CODE = 'REQUEST_TRAFFIC_EXCEED_LIMIT';

/** Same shape as RetryPolicy, with a longer window by default: 4 waits of 1-2, 2-4, 4-8, 8-16 s. */
export type TrafficLimitPolicy = RetryPolicy;

export const DEFAULT_TRAFFIC_LIMIT_POLICY: TrafficLimitPolicy = { maxAttempts: 5, baseDelayMs: 2000, maxDelayMs: 30_000 };

/**
 * Delay before attempt `failedAttempt + 1` after REQUEST_TRAFFIC_EXCEED_LIMIT: "equal jitter",
 * half of the exponential step fixed and half random, so a wait never collapses to zero while
 * clients that were limited together spread out. `random` is injected (Math.random by default)
 * so tests are exact; values outside [0, 1) are clamped.
 */
export function trafficLimitDelayMs(policy: TrafficLimitPolicy, failedAttempt: number, random: () => number): number {
  const step = backoffDelayMs(policy, failedAttempt);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (r * step) / 2);
}

export interface OrderNotExistPolicy {
  /** Wait before each re-inquiry (Antom: 15 s). */
  delayMs: number;
  /** Re-inquiries before ORDER_NOT_EXIST is final (Antom: 3). */
  maxRetries: number;
  /** How soon after the session's createPaymentSession an inquiry counts as "right after". */
  freshWindowMs: number;
}

export const DEFAULT_ORDER_NOT_EXIST_POLICY: OrderNotExistPolicy = { delayMs: 15_000, maxRetries: 3, freshWindowMs: 60_000 };
