/**
 * v6: the Payments list (issue 9 §1). One summary row per payment, so the list pages through a
 * million payments with keyset queries instead of grouping calls and notifications per page.
 *
 * - payments: what the list shows, derived from the payment's calls and verified notifications
 *   by the same facts the detail uses (payment-summary.ts). `key` is the paymentRequestId, else
 *   the paymentId. amount_milli is the amount in thousandths of a display unit (USD 10.50 =
 *   10500, JPY 10 = 10000), so one integer column serves the amount range and the amount sort
 *   across currencies; -1 when no record gave an amount.
 * - payments_pending: the write path only notes WHICH payment a new row touched (one INSERT OR
 *   IGNORE, so the receiver's throughput is unchanged); the next read of the list folds those
 *   into payments in one transaction before it queries. A read therefore always sees every
 *   committed row, and a burst of notifications for one payment is derived once.
 * - One index per sort, (sort column, key), so a keyset page is an index range scan; and one per
 *   filter column AND sort, (filter, sort column, key), so a filtered page in any order is a range
 *   scan too (without them SQLite took the filter's index and sorted every match: 2 s for
 *   "USD by amount" at a million payments). Upserts touch them only when a payment changes.
 * - expires_at: a CREATED payment's session expiry; once passed, the next read derives it again
 *   (it becomes EXPIRED without any new row).
 * - Backfill: every payment an existing journal knows is queued, so the first read builds it.
 */
export const V6_PAYMENTS_SUMMARY = `
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
  SELECT coalesce(payment_request_id, payment_id, capture_request_id, refund_request_id, capture_id, refund_id) FROM calls
  WHERE coalesce(payment_request_id, payment_id, capture_request_id, refund_request_id, capture_id, refund_id) IS NOT NULL;
INSERT OR IGNORE INTO payments_pending(ref)
  SELECT coalesce(payment_request_id, payment_id, capture_request_id, refund_request_id, capture_id, refund_id) FROM notifications
  WHERE verification = 'verified' AND coalesce(payment_request_id, payment_id, capture_request_id, refund_request_id, capture_id, refund_id) IS NOT NULL;
`;
