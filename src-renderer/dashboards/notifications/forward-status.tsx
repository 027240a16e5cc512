/**
 * The relay's forward of this notification to the merchant's backend (`listen --forward-to URL`):
 * target, state, every send with the backend's answer, the next send in Antom's schedule, and
 * Re-send for a forward the backend has not accepted (main refuses it for read-only profiles).
 */
import type { ForwardStatusView } from '../../../src-shared/journal-views';
import { errorShapeOf } from '../../bridge/client';
import { CompactTable } from '../../components/compact-table';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { Time } from '../../components/time';
import { useResendForward } from '../../queries/notifications';
import { forwardPanelModel } from './forward-model';

export function ForwardStatus({ id, forwards }: { id: number; forwards: readonly ForwardStatusView[] }) {
  const resend = useResendForward();
  if (forwards.length === 0) return null;
  return (
    <section aria-labelledby={`forward-${id}-heading`} className="forward-status">
      <h4 id={`forward-${id}-heading`}>Forward to your backend</h4>
      {forwards.map((f) => {
        const m = forwardPanelModel(f);
        return (
          <div key={m.target}>
            <FieldList
              rows={[
                ['Target', <code>{m.target}</code>],
                ['State', <span className={`badge ${m.tone}`}>{m.stateLabel}</span>],
                ['Next send', m.nextAttemptAt ? <Time value={m.nextAttemptAt} /> : 'none'],
              ]}
            />
            <p className={m.tone === 'bad' ? 'verdict rejected' : 'verdict'} role={m.tone === 'bad' ? 'alert' : 'status'}>{m.headline}</p>
            {m.attempts.length > 0 ? (
              <CompactTable
                caption="Every send to the backend and what it answered"
                headers={['Send', 'Sent', 'Answer', 'Backend said']}
                rows={m.attempts}
                rowKey={(a) => a.key}
                cells={(a) => [a.label, <Time value={a.sentAt} />, a.answer, a.excerpt ? <code>{a.excerpt}</code> : <span className="muted">—</span>]}
              />
            ) : null}
          </div>
        );
      })}
      {forwards.some((f) => forwardPanelModel(f).canResend) ? (
        <button type="button" onClick={() => resend.mutate({ id })} disabled={resend.isPending}>
          {resend.isPending ? 'Re-sending…' : 'Re-send to the backend now'}
        </button>
      ) : null}
      {resend.isError ? <ErrorPanel title="Re-send refused" error={errorShapeOf(resend.error)} /> : null}
      {resend.isSuccess ? <p role="status">Queued again: the receiver forwarding to this backend sends it within about a second.</p> : null}
    </section>
  );
}
