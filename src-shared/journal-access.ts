/**
 * What the connection to the journal lets this console do. On the embedded SQLite file everything
 * is allowed (the file is the user's own); on a shared PostgreSQL journal it follows from the
 * login's privileges and row-level security (`antom-ops db roles`), so a support login learns up
 * front that it cannot record a money-moving call, and the console refuses those operations
 * before anything is sent to Antom. Pure data: main computes it, the page reads it.
 */

/** The documented group roles `antom-ops db roles` creates (docs/team-mode.md#roles). */
export const JOURNAL_ROLE_KINDS = ['intake', 'operator', 'support'] as const;
export type JournalRoleKind = (typeof JOURNAL_ROLE_KINDS)[number];

export interface JournalCapabilities {
  /** Read calls and notifications (every dashboard). */
  readJournal: boolean;
  /** Record capture, refund, cancel, createPaymentSession, acceptDispute, supplyDefenseDocument (and their request-ID ledger). */
  recordMoneyCalls: boolean;
  /** Record inquiries (inquiryPayment, inquiryRefund, downloadDisputeEvidence): read-only Antom calls. */
  recordInquiries: boolean;
  /** Keep what a notification replay sent and got back. */
  recordReplays: boolean;
  /** Change the journal's settings (retention, expected notification delay). */
  writeSettings: boolean;
  /** Delete old rows (retention). */
  prune: boolean;
  /** Store notifications and their acknowledgements (the receiver). */
  receive: boolean;
}

export interface JournalAccess {
  engine: 'sqlite' | 'postgres';
  /** The database login (PostgreSQL current_user); undefined for the SQLite file. */
  user: string | undefined;
  /** The documented roles the login belongs to (empty: the owner, a superuser, or a login with its own grants). */
  roles: JournalRoleKind[];
  capabilities: JournalCapabilities;
}

/** Everything allowed: the embedded SQLite journal, or a journal owner. */
export const FULL_JOURNAL_CAPABILITIES: Readonly<JournalCapabilities> = Object.freeze({
  readJournal: true,
  recordMoneyCalls: true,
  recordInquiries: true,
  recordReplays: true,
  writeSettings: true,
  prune: true,
  receive: true,
});

/** "alice (support)" / "alice": how a refusal names the connection. */
export function describeJournalLogin(access: JournalAccess): string {
  const user = access.user ?? 'this login';
  return access.roles.length > 0 ? `${user} (${access.roles.join(', ')})` : user;
}
