/** React Query hooks for the journal settings: size and counts, retention, prune. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getBridge, unwrap } from '../bridge/client';

const settingsKeys = {
  journal: ['settings', 'journal'] as const,
};

export function useJournalInfo() {
  return useQuery({
    queryKey: settingsKeys.journal,
    queryFn: async () => unwrap(await getBridge().getJournalInfo()),
  });
}

export function useSetRetentionDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (days: number) => unwrap(await getBridge().setRetentionDays({ days })),
    onSuccess: (info) => client.setQueryData(settingsKeys.journal, info),
  });
}

export function usePruneJournal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (olderThanDays: number | undefined) => unwrap(await getBridge().pruneJournal(olderThanDays === undefined ? {} : { olderThanDays })),
    // Pruning removes rows every list and chart shows.
    onSuccess: () => client.invalidateQueries(),
  });
}
