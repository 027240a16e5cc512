/**
 * v7: the Payments list (issue 9 §1). One summary row per payment, so the list pages through a
 * million payments with keyset queries instead of grouping calls and notifications per page.
 *
 * - payments: a cache of summarisePayment's result per payment (payment-list-row.ts), written in
 *   the same transaction as every call or notification that touches the payment. `key` is the
 *   paymentRequestId, else the paymentId. amount_milli is the amount in thousandths of a display
 *   unit (USD 10.50 = 10500, JPY 10 = 10000), so one integer column serves the amount range and
 *   the amount sort across currencies; -1 when no record gave an amount.
 * - One index per sort, (sort column, key), so a keyset page is an index range scan; and one per
 *   filter column AND sort, (filter, sort column, key), so a filtered page in any order is a range
 *   scan too (without them SQLite took the filter's index and sorted every match: 2 s for
 *   "USD by amount" at a million payments). Upserts touch them only when a payment changes.
 * - expires_at: when the derivation changes with no new row (an open session or an authorisation
 *   expiring); once passed, the next read derives the payment again.
 * - payments_pending: the backfill. Every payment an existing journal knows is queued here, and
 *   the first read of the list derives them (in one transaction); new writes never queue.
 */
export const V7_PAYMENTS_SUMMARY = `
CREATE TABLE payments (
  key TEXT PRIMARY KEY,
  payment_request_id TEXT,
  payment_id TEXT,
  status TEXT NOT NULL,
  amount_value TEXT,
  currency TEXT,
  amount_milli INTEGER NOT NULL,
  method TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  captured_value TEXT,
  refunded_value TEXT,
  disputes INTEGER NOT NULL DEFAULT 0,
  profile TEXT,
  last_actor TEXT NOT NULL,
  failure_code TEXT,
  checked_at TEXT,
  expires_at TEXT
) WITHOUT ROWID;
CREATE INDEX payments_created ON payments(created_at, key);
CREATE INDEX payments_updated ON payments(updated_at, key);
CREATE INDEX payments_amount ON payments(amount_milli, key);
CREATE INDEX payments_status_created ON payments(status, created_at, key);
CREATE INDEX payments_status_updated ON payments(status, updated_at, key);
CREATE INDEX payments_status_amount ON payments(status, amount_milli, key);
CREATE INDEX payments_currency_created ON payments(currency, created_at, key);
CREATE INDEX payments_currency_updated ON payments(currency, updated_at, key);
CREATE INDEX payments_currency_amount ON payments(currency, amount_milli, key);
CREATE INDEX payments_method_created ON payments(method, created_at, key);
CREATE INDEX payments_method_updated ON payments(method, updated_at, key);
CREATE INDEX payments_method_amount ON payments(method, amount_milli, key);
CREATE INDEX payments_profile_created ON payments(profile, created_at, key);
CREATE INDEX payments_profile_updated ON payments(profile, updated_at, key);
CREATE INDEX payments_profile_amount ON payments(profile, amount_milli, key);
CREATE INDEX payments_payment_id ON payments(payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX payments_expiring ON payments(expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE payments_pending (ref TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO payments_pending(ref)
  SELECT coalesce(payment_request_id, payment_id) FROM calls WHERE coalesce(payment_request_id, payment_id) IS NOT NULL;
INSERT OR IGNORE INTO payments_pending(ref)
  SELECT coalesce(payment_request_id, payment_id) FROM notifications
  WHERE verification = 'verified' AND coalesce(payment_request_id, payment_id) IS NOT NULL;
`;
