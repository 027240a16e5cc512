/**
 * Request IDs the client minted, kept in the journal so they survive a restart: after a timeout
 * or a U result the SAME paymentRequestId / captureRequestId / refundRequestId must be reused
 * (API-FACTS f.2/f.3); only a final F (or Antom's explicit advice) allows a new one.
 *
 * The client defines the interface it needs (src-main/core/client/request-id-ledger.ts). Until it
 * exists this shape is the proposal: `scope` is the API ('capture', 'refund', ...), and
 * `operationKey` identifies "the same operation" (e.g. paymentId + amount + the user's intent id).
 */
import type Database from 'better-sqlite3';

export type RequestIdState = 'open' | 'succeeded' | 'failed' | 'unknown';

export interface RequestIdLedgerEntry {
  scope: string;
  operationKey: string;
  requestId: string;
  state: RequestIdState;
  createdAt: string;
  updatedAt: string;
}

export interface RequestIdLedger {
  /** The newest entry for this operation that may still be reused (not 'failed'), if any. */
  find(scope: string, operationKey: string): RequestIdLedgerEntry | undefined;
  /** Reuse the open ID for this operation, or record `candidateId` as the new one. */
  reserve(scope: string, operationKey: string, candidateId: string, now?: Date): RequestIdLedgerEntry;
  /** Record the outcome once Antom gave a final answer (or 'unknown' after a timeout). */
  settle(scope: string, requestId: string, state: RequestIdState, now?: Date): void;
  get(scope: string, requestId: string): RequestIdLedgerEntry | undefined;
}

interface LedgerRow {
  scope: string;
  operation_key: string;
  request_id: string;
  state: RequestIdState;
  created_at: string;
  updated_at: string;
}

function toEntry(row: LedgerRow): RequestIdLedgerEntry {
  return { scope: row.scope, operationKey: row.operation_key, requestId: row.request_id, state: row.state, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function sqliteRequestIdLedger(db: Database.Database): RequestIdLedger {
  const findStmt = db.prepare<[string, string], LedgerRow>(
    "SELECT * FROM request_ids WHERE scope = ? AND operation_key = ? AND state != 'failed' ORDER BY created_at DESC, rowid DESC LIMIT 1",
  );
  const getStmt = db.prepare<[string, string], LedgerRow>('SELECT * FROM request_ids WHERE scope = ? AND request_id = ?');
  const insertStmt = db.prepare('INSERT INTO request_ids (scope, operation_key, request_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const settleStmt = db.prepare('UPDATE request_ids SET state = ?, updated_at = ? WHERE scope = ? AND request_id = ?');

  const reserve = db.transaction((scope: string, operationKey: string, candidateId: string, at: string): RequestIdLedgerEntry => {
    const existing = findStmt.get(scope, operationKey);
    if (existing) return toEntry(existing);
    insertStmt.run(scope, operationKey, candidateId, 'open', at, at);
    return { scope, operationKey, requestId: candidateId, state: 'open', createdAt: at, updatedAt: at };
  });

  return {
    find: (scope, operationKey) => {
      const row = findStmt.get(scope, operationKey);
      return row ? toEntry(row) : undefined;
    },
    reserve: (scope, operationKey, candidateId, now = new Date()) => reserve(scope, operationKey, candidateId, now.toISOString()),
    settle: (scope, requestId, state, now = new Date()) => {
      settleStmt.run(state, now.toISOString(), scope, requestId);
    },
    get: (scope, requestId) => {
      const row = getStmt.get(scope, requestId);
      return row ? toEntry(row) : undefined;
    },
  };
}
