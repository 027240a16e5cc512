/**
 * THE ONE PLACE that says which journal table each database role may touch, and which table
 * privileges each console capability needs. `antom-ops db roles` (postgres-roles.ts) turns the
 * first list into GRANTs; `journal.capabilities()` (postgres-capabilities.ts) checks the second
 * against the connection's privileges. A migration that adds a table adds ONE line to
 * JOURNAL_TABLE_ACCESS (and, if a capability writes it, an entry in CAPABILITY_NEEDS); then the
 * owner re-runs `antom-ops db roles` (`db migrate` does it by itself once the roles exist).
 *
 * Three group roles (NOLOGIN: people and services log in with their own LOGIN roles that are
 * members of one group):
 * - intake   (antom_ops_intake): the notification receiver. Stores notifications, their attempts
 *   and answers; reads only what those writes read back (ON CONFLICT / RETURNING / the answer
 *   bookkeeping), and reads calls: the Payments list's row of a payment is derived from all its
 *   records in the transaction that stores its notification. It never records a call.
 * - operator (antom_ops_operator): reads everything, records every call (money-moving ones
 *   included), the request-ID ledger, replays, settings.
 * - support  (antom_ops_support): reads everything, records INQUIRIES only. It holds INSERT on
 *   calls, narrowed by row-level security to the APIs in INQUIRY_APIS, so the database itself
 *   refuses a support login's capture row.
 * Nobody but the owner deletes (retention prune) or changes the schema: the record of who moved
 * money is not something an operator can trim.
 *
 * Names are prefixed `antom_ops_` because PostgreSQL roles are cluster-wide: they say which
 * application they belong to beside other roles of the same server.
 */
import type { AntomApiName } from '../../../../src-shared/vocabulary';
import type { JournalCapabilities, JournalRoleKind } from '../../../../src-shared/journal-access';

export const JOURNAL_ROLE_NAMES: Readonly<Record<JournalRoleKind, string>> = {
  intake: 'antom_ops_intake',
  operator: 'antom_ops_operator',
  support: 'antom_ops_support',
};

export const JOURNAL_ROLE_PURPOSES: Readonly<Record<JournalRoleKind, string>> = {
  intake: 'notification receivers: store notifications, attempts and answers; no calls',
  operator: 'operations: read everything, record every call (money-moving ones included)',
  support: 'support agents: read everything, record inquiries only (row-level security on calls)',
};

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

interface TableAccess {
  table: string;
  intake?: readonly TablePrivilege[];
  operator?: readonly TablePrivilege[];
  support?: readonly TablePrivilege[];
  /** UPDATE of these columns only (a column grant), where a role must change one field of a row it may not rewrite. */
  updateColumns?: Partial<Record<JournalRoleKind, readonly string[]>>;
}

const READ: readonly TablePrivilege[] = ['SELECT'];
const APPEND: readonly TablePrivilege[] = ['SELECT', 'INSERT'];
const WRITE: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE'];
const EVERYTHING: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const TAKE: readonly TablePrivilege[] = ['SELECT', 'DELETE'];

/**
 * Per table, per role. operator and support also read EVERY table of the schema (a GRANT on all
 * tables plus ALTER DEFAULT PRIVILEGES for the owner's future tables), so a new table is readable
 * by them at once; writes and intake's reads come only from this list. A table listed here that a
 * database does not have yet (a migration still to come) is skipped and reported by `db roles`.
 */
export const JOURNAL_TABLE_ACCESS: readonly TableAccess[] = [
  { table: 'schema_migrations', intake: READ, operator: READ, support: READ },
  // The receiver's INSERT ... ON CONFLICT DO UPDATE reads the row it updates; answers update attempts.
  // An operator's re-send of a forward marks the notification's forward_state, and nothing else:
  // the body, signature and verdict of what Antom sent stay the receiver's.
  { table: 'notifications', intake: WRITE, operator: READ, support: READ, updateColumns: { operator: ['forward_state'] } },
  { table: 'notification_attempts', intake: WRITE, operator: READ, support: READ },
  { table: 'notification_replays', operator: APPEND, support: READ },
  // support's INSERT is narrowed to inquiries by the row-level security policy below.
  // intake reads calls (never writes them): its drain of payments_pending re-derives a notified
  // payment's list row from all the payment's records.
  { table: 'calls', intake: READ, operator: APPEND, support: APPEND },
  { table: 'request_ids', operator: WRITE, support: READ },
  { table: 'settings', intake: READ, operator: WRITE, support: READ },
  // The Payments list's rows are a cache derived in the same transaction as every write that
  // touches a payment (a notification, an inquiry, a capture), so every writer maintains them;
  // DELETE too: a payment whose records are gone leaves the list. payments_pending queues the
  // payments whose rows are derived later: receivers queue what stored notifications name (INSERT)
  // and drain it after answering (DELETE of rows claimed FOR UPDATE SKIP LOCKED, which needs
  // UPDATE); any reader drains what is left (a plain DELETE) before reading the list.
  { table: 'payments', intake: EVERYTHING, operator: EVERYTHING, support: EVERYTHING },
  { table: 'payments_pending', intake: EVERYTHING, operator: TAKE, support: TAKE },
  // The relay: receivers queue and send; an operator re-sends a forward the backend never took
  // (which also marks the notification's forward_state: see updateColumns on notifications).
  { table: 'forward_outbox', intake: WRITE, operator: WRITE, support: READ },
  { table: 'forward_attempts', intake: APPEND, operator: READ, support: READ },
  // The audit trail is append-only for everyone but the owner: intents before a money-moving call,
  // outcomes after. support holds neither INSERT, which is what stops its capture before sending.
  { table: 'call_intents', operator: APPEND, support: READ },
  { table: 'call_outcomes', operator: APPEND, support: READ },
];

/** The Antom APIs that change nothing at Antom: what support may record. Deny by default: a new API is money-moving until listed here. */
export const INQUIRY_APIS = ['inquiryPayment', 'inquiryRefund', 'downloadDisputeEvidence'] as const satisfies readonly AntomApiName[];

/** Row-level security on calls: names of the two policies `db roles` keeps (dropped and re-created each run). */
export const CALLS_POLICIES = {
  /** Permissive, for every role: RLS changes nothing for a role the table grants let in... */
  anyRow: 'antom_ops_calls_any_row',
  /** ...except this restrictive one: support's inserted rows must be inquiries. */
  supportInquiriesOnly: 'antom_ops_support_inquiries_only',
} as const;

/**
 * What each capability needs, as table privileges of the connection. A table the database does
 * not have yet is not required (its feature is not there either). recordMoneyCalls additionally
 * needs calls not narrowed by a restrictive policy (postgres-capabilities.ts).
 */
export const CAPABILITY_NEEDS: Readonly<Record<keyof JournalCapabilities, ReadonlyArray<readonly [string, TablePrivilege]>>> = {
  readJournal: [['calls', 'SELECT'], ['notifications', 'SELECT'], ['notification_attempts', 'SELECT']],
  recordMoneyCalls: [['calls', 'INSERT'], ['request_ids', 'INSERT'], ['request_ids', 'UPDATE'], ['call_intents', 'INSERT'], ['call_outcomes', 'INSERT'], ['payments', 'INSERT'], ['payments', 'UPDATE']],
  recordInquiries: [['calls', 'INSERT'], ['payments', 'INSERT'], ['payments', 'UPDATE']],
  recordReplays: [['notification_replays', 'INSERT']],
  writeSettings: [['settings', 'INSERT'], ['settings', 'UPDATE']],
  prune: [['calls', 'DELETE'], ['notifications', 'DELETE']],
  receive: [['calls', 'SELECT'], ['notifications', 'INSERT'], ['notifications', 'UPDATE'], ['notification_attempts', 'INSERT'], ['notification_attempts', 'UPDATE'], ['payments', 'INSERT'], ['payments', 'UPDATE']],
};
