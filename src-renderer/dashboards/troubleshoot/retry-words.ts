import type { RetryGuidance } from '../../../src-shared/knowledge';

/** The knowledge base's retry guidance in words an operator acts on. */
export const RETRY_WORDS: Record<RetryGuidance, string> = {
  'same-request-id': 'Retry with the same request ID (safe: Antom deduplicates it).',
  'new-request-id': 'Retry only with a new request ID.',
  inquire: 'Do not resend blind: inquire first to learn the real state.',
  'do-not-retry': 'Do not retry.',
  'wait-for-notification': 'Wait for the notification (or inquire) instead of retrying.',
  'fix-request': 'Fix the request, then send it again.',
  none: 'No retry needed.',
};
