/**
 * The client's RequestIdLedger (src-main/core/client/request-id-ledger.ts) kept in the journal,
 * so the rule "after a timeout or U, resend with the SAME captureRequestId / refundRequestId"
 * survives a restart of the console (API-FACTS f.2/f.3).
 *
 * Rows: one per request ID minted for an intent (scope = 'capture' | 'refund', operation_key =
 * intentKey). state: 'open' (sent, no answer yet: a crash leaves it here), 'unknown' (network
 * failure, timeout, U) or 'final' (S or F: the intent may get a new ID next time).
 */
import type Database from 'better-sqlite3';
import { intentKey, type IntentEnd, type MoneyIntent, type RequestIdLedger } from '../client/request-id-ledger';

export function sqliteRequestIdLedger(db: Database.Database, now: () => Date = () => new Date()): RequestIdLedger {
  const pendingStmt = db.prepare<[string, string], { request_id: string }>(
    "SELECT request_id FROM request_ids WHERE scope = ? AND operation_key = ? AND state IN ('open', 'unknown') ORDER BY created_at DESC, rowid DESC LIMIT 1",
  );
  // A request ID reused for a retry keeps its row (and its created_at); a new one gets a row.
  const beginStmt = db.prepare(
    "INSERT INTO request_ids (scope, operation_key, request_id, state, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?) " +
      "ON CONFLICT (scope, request_id) DO UPDATE SET state = 'open', updated_at = excluded.updated_at",
  );
  const endStmt = db.prepare('UPDATE request_ids SET state = ?, updated_at = ? WHERE scope = ? AND request_id = ?');

  return {
    async pendingRequestId(intent: MoneyIntent): Promise<string | undefined> {
      return pendingStmt.get(intent.kind, intentKey(intent))?.request_id;
    },
    async begin(intent: MoneyIntent, requestId: string): Promise<void> {
      const at = now().toISOString();
      beginStmt.run(intent.kind, intentKey(intent), requestId, at, at);
    },
    async end(intent: MoneyIntent, requestId: string, how: IntentEnd): Promise<void> {
      endStmt.run(how === 'final' ? 'final' : 'unknown', now().toISOString(), intent.kind, requestId);
    },
  };
}
