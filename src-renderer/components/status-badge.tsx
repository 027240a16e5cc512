/**
 * A business status (payment state, paymentStatus, refund status, verification): colour says
 * good / bad / in-between, the text always says which, so colour is never the only signal.
 */
const GOOD = new Set(['SUCCESS', 'PAID', 'CAPTURED', 'AUTHORISED', 'REFUNDED', 'VERIFIED', 'ACKNOWLEDGED', 'S']);
const BAD = new Set(['FAIL', 'FAILED', 'CANCELLED', 'EXPIRED', 'REJECTED', 'INVALID', 'F']);
const PENDING = new Set(['PROCESSING', 'PENDING', 'CREATED', 'INITIATED', 'PARTIALLY_CAPTURED', 'PARTIALLY_REFUNDED', 'UNKNOWN', 'UNVERIFIED', 'U']);

export function statusTone(status: string): 'ok' | 'bad' | 'pending' | 'neutral' {
  const upper = status.toUpperCase();
  if (GOOD.has(upper)) return 'ok';
  if (BAD.has(upper)) return 'bad';
  if (PENDING.has(upper)) return 'pending';
  return 'neutral';
}

export function StatusBadge({ status, label, title }: { status: string | null | undefined; label?: string; title?: string }) {
  if (!status) return <span className="muted">—</span>;
  return (
    <span className={`badge ${statusTone(status)}`} title={title} data-status={status}>
      {label ?? status.replace(/_/g, ' ')}
    </span>
  );
}
