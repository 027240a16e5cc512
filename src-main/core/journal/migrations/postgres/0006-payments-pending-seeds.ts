/**
 * PostgreSQL 0006: receivers queue the Payments list's work instead of doing it while the sender
 * waits. A stored notification now only INSERTs the payments it names into payments_pending (a
 * plain payment name, or the canonical JSON of the notification's IDs: payment-list-row.ts
 * pendingRefOf), and the receiver drains the queue after answering, claiming rows with
 * FOR UPDATE SKIP LOCKED. The table is unchanged; what changes is who needs what on it: the intake
 * role now needs INSERT and UPDATE besides SELECT and DELETE (journal-role-grants.ts). A database
 * whose roles `db roles` created before this version gets the two grants here, so its receivers
 * keep storing notifications across the upgrade without running `db roles` again. (Without the
 * role, nothing to do: `db roles` grants the whole list when it creates it.)
 */
import { JOURNAL_ROLE_NAMES } from '../../postgres/journal-role-grants';

export const PG_PAYMENTS_PENDING_SEEDS = `
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${JOURNAL_ROLE_NAMES.intake}') THEN
    GRANT INSERT, UPDATE ON payments_pending TO ${JOURNAL_ROLE_NAMES.intake};
  END IF;
END
$$;
`;
