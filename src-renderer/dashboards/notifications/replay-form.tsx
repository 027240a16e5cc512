/**
 * Replay a stored notification to a URL (your own endpoint under test), either byte for byte as
 * received or re-signed for the target path, and show what that endpoint answered.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorShapeOf } from '../../bridge/client';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { CodeBlock } from '../../components/code-block';
import { formatDuration } from '../../format/time';
import { useReplayNotification } from '../../queries/notifications';

/** `verified`: only a verified notification may be re-signed (main refuses the rest too). */
export function ReplayForm({ id, verified }: { id: number; verified: boolean }) {
  const formId = useId();
  const [toUrl, setToUrl] = useState('');
  const [mode, setMode] = useState<'as-received' | 're-signed'>('as-received');
  const replay = useReplayNotification();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    replay.mutate({ id, toUrl: toUrl.trim(), mode });
  };

  return (
    <form className="replay-form" onSubmit={submit} aria-label="Replay notification">
      <div className="form-row">
        <label htmlFor={`${formId}-url`}>Replay to URL</label>
        <input id={`${formId}-url`} type="url" required placeholder="http://127.0.0.1:8080/antom/notify" value={toUrl} onChange={(e) => setToUrl(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${formId}-mode`}>Replay mode</label>
        <select id={`${formId}-mode`} value={mode} onChange={(e) => setMode(e.target.value === 're-signed' ? 're-signed' : 'as-received')}>
          <option value="as-received">As received (same bytes and signature)</option>
          <option value="re-signed" disabled={!verified}>Re-signed for the target path{verified ? '' : ' (verified notifications only)'}</option>
        </select>
      </div>
      <p className="muted">
        As received tests your endpoint with Antom's own signature, which only verifies if the path is the same. Re-signed lets you replay to another path.
      </p>
      <button type="submit" disabled={replay.isPending || toUrl.trim() === ''}>
        {replay.isPending ? 'Replaying…' : 'Replay'}
      </button>
      {replay.isError ? <ErrorPanel title="Replay failed" error={errorShapeOf(replay.error)} /> : null}
      {replay.data ? (
        <div className="replay-result" role="status">
          <FieldList
            rows={[
              ['Answer', replay.data.httpStatus === null ? 'No answer' : `HTTP ${replay.data.httpStatus}`],
              ['Acknowledged', replay.data.acknowledged ? <span className="badge ok">Yes: the endpoint sent the fixed acknowledgement</span> : <span className="badge bad">No: Antom would resend</span>],
              ['Latency', formatDuration(replay.data.latencyMs)],
              ['Mode', replay.data.mode],
              ['Error', replay.data.error],
            ]}
          />
          {replay.data.notes.length > 0 ? (
            <ul className="notes">
              {replay.data.notes.map((note) => <li key={note}>{note}</li>)}
            </ul>
          ) : null}
          {replay.data.answerBody !== null ? <CodeBlock label="Answer body" text={replay.data.answerBody} /> : null}
        </div>
      ) : null}
    </form>
  );
}
