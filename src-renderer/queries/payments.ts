/**
 * A payment's story: its timeline, the 2-second inquiry poller, and the payments awaiting
 * capture. Keys all start with 'payments' so one invalidation after a push refreshes them.
 */
import { useQuery } from '@tanstack/react-query';
import { getBridge, unwrap } from '../bridge/client';

/**
 * The poller has its own prefix on purpose: a push after each inquiry invalidates 'payments',
 * and if that refetched the poller too, every poll would trigger the next one at once.
 */
const pollKeys = {
  all: ['payment-poll'] as const,
  poll: (id: string) => ['payment-poll', id] as const,
};

export const paymentKeys = {
  all: ['payments'] as const,
  timeline: (id: string) => ['payments', 'timeline', id] as const,
  awaitingCapture: ['payments', 'awaiting-capture'] as const,
  refundInquiry: (id: string) => ['payments', 'refund-inquiry', id] as const,
};

/** States after which Antom will not change its mind: polling stops there. */
export const FINAL_PAYMENT_STATUSES = new Set(['SUCCESS', 'FAIL', 'CANCELLED']);

export function useTimeline(id: string | undefined) {
  return useQuery({
    queryKey: paymentKeys.timeline(id ?? ''),
    queryFn: async () => unwrap(await getBridge().getTimeline({ id: id ?? '' })),
    enabled: Boolean(id),
  });
}

/** The paymentStatus an inquiry answered with, if it answered with one. */
function paymentStatusOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const status = (response as Record<string, unknown>).paymentStatus;
  return typeof status === 'string' ? status : undefined;
}

/**
 * Inquiry polling every 2 s while `enabled`, until Antom reports a final paymentStatus.
 * Marked trigger 'poller' so the API log tells these apart from a person's inquiries.
 */
export function usePaymentPoller(ids: { paymentRequestId?: string; paymentId?: string } | undefined, enabled: boolean) {
  const key = ids?.paymentId ?? ids?.paymentRequestId ?? '';
  return useQuery({
    queryKey: pollKeys.poll(key),
    queryFn: async () => {
      const input = ids?.paymentId ? { paymentId: ids.paymentId, trigger: 'poller' as const } : { paymentRequestId: ids?.paymentRequestId ?? '', trigger: 'poller' as const };
      return unwrap(await getBridge().inquiryPayment(input));
    },
    enabled: enabled && key !== '',
    refetchInterval: (query) => {
      const status = paymentStatusOf(query.state.data?.response);
      return status && FINAL_PAYMENT_STATUSES.has(status) ? false : 2_000;
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/** A one-off inquiry (the "Inquire now" button) is a mutation; see calls-outcomes.ts. */

export function useAwaitingCapture(enabled = true) {
  return useQuery({
    queryKey: paymentKeys.awaitingCapture,
    queryFn: async () => unwrap(await getBridge().listAwaitingCapture()),
    enabled,
    refetchInterval: 10_000,
  });
}
