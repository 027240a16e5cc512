/** React Query hooks for which journal the console uses, and attaching / detaching a shared one (Settings). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JournalConnection } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';

const journalConnectionKey = ['settings', 'journal-connection'] as const;

export function useJournalConnection() {
  return useQuery({
    queryKey: journalConnectionKey,
    queryFn: async () => unwrap(await getBridge().getJournalConnection()),
  });
}

/** Every list, chart and count comes from the journal: after a switch, all of them are re-read. */
function useSwitched() {
  const client = useQueryClient();
  return (connection: JournalConnection) => {
    client.setQueryData(journalConnectionKey, connection);
    void client.invalidateQueries({ predicate: (query) => query.queryKey[1] !== journalConnectionKey[1] });
  };
}

export function useAttachJournal() {
  const switched = useSwitched();
  return useMutation({
    // The password goes to main (and on to the keychain) and is never read back.
    mutationFn: async (input: { url: string; password?: string }) => unwrap(await getBridge().attachJournal(input)),
    onSuccess: switched,
  });
}

export function useDetachJournal() {
  const switched = useSwitched();
  return useMutation({
    mutationFn: async () => unwrap(await getBridge().detachJournal()),
    onSuccess: switched,
  });
}
