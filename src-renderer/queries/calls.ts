/**
 * React Query hooks for the API log: every signed call, newest first, paged by keyset cursors;
 * one call in full; every attempt sharing a callId; export of the filtered view.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { CallFilter, CallSummary } from '../../src-shared/journal-views';
import { getBridge, unwrap } from '../bridge/client';
import { useJournalLog, useListArrivals } from './paged-log';

const CALL_PAGE_SIZE = 500;

/** The list itself is a windowed page cache (useJournalLog), not a React Query entry. */
const callLogKeys = {
  all: ['calls'] as const,
  detail: (id: number) => ['calls', 'detail', id] as const,
  attempts: (callId: string) => ['calls', 'attempts', callId] as const,
};

export function useCallList(filter: CallFilter) {
  return useJournalLog<CallFilter, CallSummary>(filter, CALL_PAGE_SIZE, async (f, page) =>
    unwrap(await getBridge().listCalls({ filter: f, page })));
}

export function useCallArrivals(atTop: boolean, reload: () => void) {
  return useListArrivals('callRecorded', atTop, reload);
}

export function useCall(id: number | undefined) {
  return useQuery({
    queryKey: callLogKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await getBridge().getCall({ id: id ?? 0 })),
    enabled: id !== undefined,
  });
}

/** Every attempt of one logical call (the client's retries share the callId), oldest first. */
export function useCallAttempts(callId: string | undefined) {
  return useQuery({
    queryKey: callLogKeys.attempts(callId ?? ''),
    queryFn: async () => {
      const page = unwrap(await getBridge().listCalls({ filter: { callId: callId ?? '' }, page: { limit: 50 } }));
      return [...page.items].sort((a, b) => a.attempt - b.attempt);
    },
    enabled: callId !== undefined,
  });
}

export function useExportCalls() {
  return useMutation({
    mutationFn: async (input: { filter: CallFilter; format: 'csv' | 'json' }) => unwrap(await getBridge().exportCalls(input)),
  });
}
