/**
 * React Query hooks for the Audit view: the trail of money-moving calls newest first, paged by
 * keyset cursors in the windowed cache the other logs use; new entries announced by the
 * callRecorded push; export of the filtered view.
 */
import { useMutation } from '@tanstack/react-query';
import type { AuditEntry, AuditFilter } from '../../src-shared/audit-views';
import { getBridge, unwrap } from '../bridge/client';
import { useJournalLog, useListArrivals } from './paged-log';

const AUDIT_PAGE_SIZE = 200;

export function useAuditList(filter: AuditFilter) {
  return useJournalLog<AuditFilter, AuditEntry>(filter, AUDIT_PAGE_SIZE, async (f, page) => unwrap(await getBridge().listAudit({ filter: f, page })));
}

/** Every recorded attempt is announced; the trail reloads its newest page when the operator is at the top. */
export function useAuditArrivals(atTop: boolean, reload: () => void) {
  return useListArrivals('callRecorded', atTop, reload);
}

export function useExportAudit() {
  return useMutation({
    mutationFn: async (input: { filter: AuditFilter; format: 'csv' | 'json' }) => unwrap(await getBridge().exportAudit(input)),
  });
}
