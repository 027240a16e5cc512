/**
 * One notification in full: what it said, whether it verified and why not, what we answered,
 * every attempt, the relay's forward to the backend, Antom's resend schedule, the raw headers
 * and body, and replay.
 */
import type { NotificationDetailView } from '../../../src-shared/journal-views';
import { CALL_ID_NAMES } from '../../../src-shared/journal-views';
import { routeHref } from '../../app/router';
import { ClaimedBadge, VerificationBadge } from '../../components/claimed-badge';
import { CodeBlock } from '../../components/code-block';
import { CompactTable } from '../../components/compact-table';
import { FieldList } from '../../components/field-list';
import { HeadersTable } from '../../components/headers-table';
import { DetailPane } from '../../components/log-list-parts';
import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { useNotification } from '../../queries/notifications';
import { REJECT_REASON_WORDS, SIGNATURE_FAILURES } from './notification-words';
import { ForwardStatus } from './forward-status';
import { ReplayForm } from './replay-form';
import { RetrySchedule } from './retry-schedule';

export function NotificationDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const detail = useNotification(id);
  return (
    <DetailPane headingId="notification-detail-heading" heading={`Notification #${id}`} noun="notification" detail={detail} onClose={onClose}>
      {(n) => <NotificationBody n={n} />}
    </DetailPane>
  );
}

function NotificationBody({ n }: { n: NotificationDetailView }) {
  const reason = n.rejectReason ? REJECT_REASON_WORDS[n.rejectReason] : undefined;
  const lastAnswer = [...n.attemptList].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  const paymentId = n.paymentId ?? n.paymentRequestId;
  return (
    <div className="detail-body">
      <FieldList
        rows={[
          ['Type', n.notifyType],
          ['Verification', <VerificationBadge verification={n.verification} />],
          ...(n.verification === 'verified'
            ? ([['Result', <ResultBadge status={n.resultStatus} code={n.resultCode} />], ['Status', <StatusBadge status={n.status} />]] as const)
            : ([['Claims', <ClaimedBadge status={n.resultStatus} code={n.resultCode} paymentStatus={n.status} />]] as const)),
          ['Amount', <Money amount={n.amount} />],
          ['First received', <Time value={n.receivedAt} />],
          ['Last seen', <Time value={n.lastSeenAt} />],
          ['Sends received', String(n.attempts)],
          ['Profile', n.profile],
          ['Receiver path', <code>{n.receiverPath}</code>],
          ...CALL_ID_NAMES.filter((name) => n[name]).map((name) => [name, <code>{n[name]}</code>] as const),
        ]}
      />
      {paymentId ? (
        <p>
          <a href={routeHref('payments', { id: paymentId })}>Open the payment timeline</a>
        </p>
      ) : null}

      <h4>Verification</h4>
      {n.verification === 'verified' ? (
        <>
          <p className="verdict ok">The signature verified with the profile's Antom public key over the content below.</p>
          {n.unrecognised ? (
            <p className="verdict" role="note">
              <strong>Not a type this console reads.</strong> {n.unrecognised} It was stored and acknowledged so Antom does not resend it: read the body below.
            </p>
          ) : null}
        </>
      ) : (
        <div className="verdict rejected" role="note">
          <p><strong><span aria-hidden="true">⚠ </span>Rejected{reason ? `: ${reason.title}` : ''}.</strong></p>
          {n.rejectReason && SIGNATURE_FAILURES.has(n.rejectReason) ? (
            <p>
              <strong>First suspect forgery:</strong> the signature does not prove Antom sent this, so its status and amount are claims, not facts. Do not ship or refund on it: inquire the payment to learn its real state.
            </p>
          ) : null}
          {reason ? <p>{n.rejectReason && SIGNATURE_FAILURES.has(n.rejectReason) ? `If it did come from Antom: ${reason.explanation.charAt(0).toLowerCase()}${reason.explanation.slice(1)}` : reason.explanation}</p> : null}
          {n.rejectDetail ? <p>Detail: {n.rejectDetail}</p> : null}
          <p>A rejected notification is stored but not acknowledged, so Antom keeps resending it.</p>
          <p>
            <a href={routeHref('troubleshoot', { notification: String(n.id) })}>Open in the signature lab</a>
          </p>
        </div>
      )}
      {n.contentVerified !== null ? (
        <CodeBlock label="Content verified" text={n.contentVerified} />
      ) : (
        <p className="muted">No content was verified (the headers needed to rebuild it were missing).</p>
      )}

      <h4>Acknowledgement</h4>
      <FieldList
        rows={[
          ['Acknowledged', n.acknowledged ? <span className="badge ok">Yes</span> : <span className="badge bad">No</span>],
          ['At', <Time value={n.acknowledgedAt} />],
          ['Last answer', lastAnswer && lastAnswer.answerStatus !== null ? `HTTP ${lastAnswer.answerStatus}` : 'none'],
        ]}
      />
      {lastAnswer?.answerBody ? <CodeBlock label="Answer body" text={lastAnswer.answerBody} /> : null}

      <ForwardStatus id={n.id} forwards={n.forwards} />

      <h4>Antom's retry schedule</h4>
      <RetrySchedule retry={n.retry} attempts={n.attemptList} />

      <h4>Duplicates and attempts</h4>
      <CompactTable
        caption="Every send of this notification, first one included"
        headers={['Received', 'From', 'Path', 'Verification', 'Answer', 'Same body']}
        rows={n.attemptList}
        rowKey={(a) => a.id}
        cells={(a) => [
          <Time value={a.receivedAt} />,
          a.remoteAddress ?? '—',
          <code>{a.receiverPath}</code>,
          <VerificationBadge verification={a.verification} label={a.rejectReason ? `rejected: ${a.rejectReason}` : a.verification} />,
          a.answerStatus === null ? 'none' : `HTTP ${a.answerStatus}`,
          a.bodySha256 === n.bodySha256 ? 'yes' : 'no: the body differed',
        ]}
      />

      <h4>Raw headers</h4>
      <HeadersTable headers={n.headers} />
      <CodeBlock label="Raw body" text={n.body} />
      <p className="muted">
        {n.bodyExact ? 'Exactly the bytes received' : 'Personal data masked before storing; the digest is of the exact bytes received'} ({n.bodyBytes} bytes, SHA-256 <code>{n.bodySha256}</code>).
      </p>

      <h4>Replay</h4>
      <ReplayForm id={n.id} verified={n.verification === 'verified'} />
      {n.replays.length > 0 ? (
        <CompactTable
          caption="Earlier replays of this notification and what the target answered"
          headers={['Sent', 'To', 'Mode', 'Answer', 'Acknowledged']}
          rows={n.replays}
          rowKey={(r) => r.id}
          cells={(r) => [
            <Time value={r.sentAt} />,
            <code>{r.toUrl}</code>,
            r.mode,
            <span title={r.answerBody ?? r.error ?? undefined}>{r.httpStatus === null ? `no answer${r.error ? `: ${r.error}` : ''}` : `HTTP ${r.httpStatus} in ${r.latencyMs} ms`}</span>,
            r.acknowledged ? 'yes' : 'no',
          ]}
        />
      ) : null}
    </div>
  );
}
