/**
 * PostgreSQL v2: the Payments list (issue 9 §1), the same summary table as SQLite's v7
 * (migrations/sqlite/0007-payments-summary.ts; why each column and index exists is said there).
 *
 * - payments: a cache of summarisePayment's result per payment (payment-list-row.ts), written in
 *   the same transaction as every call or notification that touches the payment.
 * - Text columns that are sorted or compared for keyset pages use COLLATE "C" (byte order), so
 *   both engines order keys the same way whatever the database's locale.
 * - One index per sort and one per (filter, sort), so every filtered page in any order is an
 *   index range scan.
 * - payments_pending: the backfill of a journal that already holds rows; the first read derives
 *   them. (A v1 database is only ever days old; the queue keeps the rule the same as SQLite's.)
 */
const SORTS = { created: 'created_at', updated: 'updated_at', amount: 'amount_milli' } as const;
const FILTERS = ['status', 'currency', 'method', 'profile'] as const;

const sortIndexes = Object.entries(SORTS).map(([name, column]) => `CREATE INDEX payments_${name} ON payments (${column}, key);`);
const filterIndexes = FILTERS.flatMap((filter) =>
  Object.entries(SORTS).map(([name, column]) => `CREATE INDEX payments_${filter}_${name} ON payments (${filter}, ${column}, key);`));

export const PG_V2_PAYMENTS_SUMMARY = `
CREATE TABLE payments (
  key text COLLATE "C" PRIMARY KEY,
  payment_request_id text,
  payment_id text,
  status text COLLATE "C" NOT NULL,
  amount_value text,
  currency text COLLATE "C",
  amount_milli bigint NOT NULL,
  method text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  captured_value text,
  refunded_value text,
  disputes integer NOT NULL DEFAULT 0,
  profile text COLLATE "C",
  last_actor text NOT NULL,
  failure_code text,
  checked_at text,
  expires_at text COLLATE "C"
);
${sortIndexes.join('\n')}
${filterIndexes.join('\n')}
CREATE INDEX payments_payment_id ON payments (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX payments_expiring ON payments (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE payments_pending (ref text PRIMARY KEY);
INSERT INTO payments_pending (ref)
  SELECT coalesce(payment_request_id, payment_id) FROM calls WHERE coalesce(payment_request_id, payment_id) IS NOT NULL
  UNION
  SELECT coalesce(payment_request_id, payment_id) FROM notifications
    WHERE verification = 'verified' AND coalesce(payment_request_id, payment_id) IS NOT NULL
ON CONFLICT DO NOTHING;
`;
