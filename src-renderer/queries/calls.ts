/**
 * React Query hooks for the API log: every signed call, newest first, paged by keyset cursors;
 * one call in full; every attempt sharing a callId; export of the filtered view.
 */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CallFilter, CallSummary, Page } from '../../src-shared/journal-views';
import { getBridge, unwrap } from '../bridge/client';
import { pagedRows, useListArrivals } from './paged-log';

const CALL_PAGE_SIZE = 500;

/** The list has its own prefix so the shell's blanket ['calls'] invalidation does not refetch every page. */
const callLogKeys = {
  all: ['calls'] as const,
  lists: ['call-log'] as const,
  list: (filter: CallFilter) => ['call-log', filter] as const,
  detail: (id: number) => ['calls', 'detail', id] as const,
  attempts: (callId: string) => ['calls', 'attempts', callId] as const,
};

export function useCallList(filter: CallFilter) {
  const query = useInfiniteQuery({
    queryKey: callLogKeys.list(filter),
    queryFn: async ({ pageParam }) =>
      unwrap(await getBridge().listCalls({ filter, page: { limit: CALL_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<CallSummary>) => last.nextCursor,
    staleTime: Infinity,
  });
  const rows = useMemo(() => pagedRows(query.data, CALL_PAGE_SIZE), [query.data]);
  return { ...query, rows };
}

export function useCallArrivals(atTop: boolean) {
  return useListArrivals('callRecorded', callLogKeys.lists, atTop);
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
