/**
 * The client's RequestIdLedger kept in the shared journal: the same rows and rules as
 * sqlite-request-id-ledger.ts (one row per request ID minted for an intent; 'open' / 'unknown' /
 * 'final'), so a retry after a timeout or U reuses the SAME captureRequestId / refundRequestId
 * whichever console on the database sent the first attempt.
 */
import { intentKey, type IntentEnd, type MoneyIntent, type RequestIdLedger } from '../../client/request-id-ledger';
import type { JournalSql } from './postgres-connection';

export function postgresRequestIdLedger(sql: JournalSql, now: () => Date = () => new Date()): RequestIdLedger {
  return {
    async pendingRequestId(intent: MoneyIntent): Promise<string | undefined> {
      const [row] = await sql<{ request_id: string }[]>`
        SELECT request_id FROM request_ids WHERE scope = ${intent.kind} AND operation_key = ${intentKey(intent)} AND state IN ('open', 'unknown')
        ORDER BY created_at DESC, id DESC LIMIT 1`;
      return row?.request_id;
    },
    // A request ID reused for a retry keeps its row (and its created_at); a new one gets a row.
    async begin(intent: MoneyIntent, requestId: string): Promise<void> {
      const at = now().toISOString();
      await sql`
        INSERT INTO request_ids (scope, operation_key, request_id, state, created_at, updated_at)
        VALUES (${intent.kind}, ${intentKey(intent)}, ${requestId}, 'open', ${at}, ${at})
        ON CONFLICT (scope, request_id) DO UPDATE SET state = 'open', updated_at = excluded.updated_at`;
    },
    async end(intent: MoneyIntent, requestId: string, how: IntentEnd): Promise<void> {
      await sql`UPDATE request_ids SET state = ${how === 'final' ? 'final' : 'unknown'}, updated_at = ${now().toISOString()}
        WHERE scope = ${intent.kind} AND request_id = ${requestId}`;
    },
  };
}
