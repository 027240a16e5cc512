/**
 * What a notification that failed verification says about itself. It proves nothing (it may be
 * forged), so it never gets the success green or the plain result badge: its own colour, a
 * warning icon, and the words "claimed, not verified".
 */
export function ClaimedBadge({ status, code, paymentStatus }: { status: string | null | undefined; code: string | null | undefined; paymentStatus?: string | null | undefined }) {
  const claim = [status, code, paymentStatus && paymentStatus !== code ? paymentStatus : undefined].filter(Boolean).join(' ');
  return (
    <span className="badge claimed-unverified" data-verification="rejected">
      <span aria-hidden="true">⚠</span> {claim ? `claimed ${claim}, not verified` : 'nothing verified'}
    </span>
  );
}

/** The verification outcome itself: verified in green with a tick, rejected in the rejected colour with a warning icon. */
export function VerificationBadge({ verification, label }: { verification: string | null | undefined; label?: string }) {
  if (verification === 'verified') return <span className="badge ok" data-status="verified"><span aria-hidden="true">✓</span> {label ?? 'verified'}</span>;
  return <span className="badge rejected" data-status={verification ?? 'unknown'}><span aria-hidden="true">⚠</span> {label ?? (verification === 'rejected' ? 'rejected' : 'not checked')}</span>;
}
