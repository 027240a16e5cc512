/** Keychain status, the notification receiver (and how to reach it from Antom), and the journal. */
import { useId, useState, type FormEvent } from 'react';
import type { AppStatus } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { CodeBlock } from '../../components/code-block';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { Loading } from '../../components/loading';
import { useJournalInfo, usePruneJournal, useSetRetentionDays } from '../../queries/settings';

export function KeychainStatusPanel({ keychain }: { keychain: AppStatus['keychain'] }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Keychain</h3>
      <FieldList
        rows={[
          ['Backend', keychain.backend === 'os-keychain' ? 'OS keychain' : 'Session memory'],
          ['Status', <span className={keychain.available ? 'badge ok' : 'badge bad'}>{keychain.available ? 'Available' : 'Unavailable'}</span>],
          ['Details', keychain.description],
        ]}
      />
      {keychain.backend === 'session-memory' ? (
        <p className="notice">Private keys are held in memory only and forgotten when the console exits; nothing is written to disk. Import keys as session-only, or fix the keychain and restart.</p>
      ) : null}
      {keychain.error ? <ErrorPanel title="Why the keychain is unavailable" error={keychain.error} /> : null}
    </section>
  );
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ReceiverPanel({ status }: { status: AppStatus }) {
  const id = useId();
  const receiver = status.receiver;
  let port = '<port>';
  let path = '/antom/notify';
  if (receiver.url) {
    try {
      const url = new URL(receiver.url);
      port = url.port || port;
      path = url.pathname || path;
    } catch {
      // keep the placeholders
    }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Notification receiver</h3>
      <FieldList
        rows={[
          ['Status', <span className={receiver.running ? 'badge ok' : 'badge bad'}>{receiver.running ? 'Listening' : 'Not running'}</span>],
          ['URL', receiver.url ? <code>{receiver.url}</code> : undefined],
          ['Rejected, not stored', receiver.rejectedNotStored ? `${receiver.rejectedNotStored} (a flood of unverified POSTs: past 100 a minute they are answered but not kept)` : undefined],
          ['Embedded sandbox', status.sandbox.running ? <code>{status.sandbox.baseUrl}</code> : 'not running'],
        ]}
      />
      {receiver.running ? null : <p className="notice">The receiver is off in this run: notifications cannot arrive. Start the console with <code>npm start</code> (or <code>npx antom-ops notifications listen</code>).</p>}
      <details className="tunnel-help">
        <summary>Receiving notifications from Antom's sandbox or production</summary>
        <p className="small">
          The receiver listens on loopback only; Antom cannot reach it directly. Expose it through a tunnel that forwards HTTPS to this port, for example:
        </p>
        <CodeBlock label="Tunnel commands" text={`cloudflared tunnel --url http://127.0.0.1:${port}\n# or\nngrok http ${port}`} />
        <ol className="small notes">
          <li>Start the tunnel; it prints a public https URL.</li>
          <li>Set the profile's notify URL (or paymentNotifyUrl of the session) to that URL plus <code>{path}</code>.</li>
          <li>Keep the path exactly <code>{path}</code>: Antom signs the path, and a tunnel or proxy that rewrites it makes every notification fail verification ("Signed for another path").</li>
          <li>Register notify URLs without a query string.</li>
        </ol>
      </details>
    </section>
  );
}

export function JournalPanel() {
  const id = useId();
  const info = useJournalInfo();
  const setRetention = useSetRetentionDays();
  const prune = usePruneJournal();
  const [days, setDays] = useState('');
  const [confirmPrune, setConfirmPrune] = useState(false);
  const daysNumber = Number(days);
  const daysValid = days !== '' && Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= 3650;

  const saveRetention = (event: FormEvent) => {
    event.preventDefault();
    if (daysValid) setRetention.mutate(daysNumber, { onSuccess: () => setDays('') });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Journal</h3>
      {info.isPending ? <Loading what="Reading the journal…" /> : null}
      {info.isError ? <ErrorPanel title="The journal could not be read" error={errorShapeOf(info.error)} onRetry={() => void info.refetch()} /> : null}
      {info.data ? (
        <>
          <FieldList
            rows={[
              // A shared journal is a database URL (without its password), not a file.
              [/^postgres(ql)?:\/\//.test(info.data.file) ? 'Database' : 'File', <code>{info.data.file}</code>],
              ['Size', bytes(info.data.fileBytes)],
              ['Calls', info.data.counts.calls.toLocaleString()],
              ['Notifications', info.data.counts.notifications.toLocaleString()],
              ['Notification sends', info.data.counts.attempts.toLocaleString()],
              ['Retention', `${info.data.retentionDays} days`],
              ['Missing notification flagged after', `${info.data.notificationExpectedMinutes} min`],
            ]}
          />
          <form onSubmit={saveRetention} aria-label="Retention" className="row">
            <div className="field">
              <label htmlFor={`${id}-days`}>Retention days</label>
              <input id={`${id}-days`} type="number" min={1} max={3650} inputMode="numeric" placeholder={String(info.data.retentionDays)} value={days} aria-invalid={days !== '' && !daysValid ? true : undefined} onChange={(e) => setDays(e.target.value)} />
            </div>
            <button type="submit" disabled={!daysValid || setRetention.isPending}>Save retention</button>
            <button type="button" className="danger-outline" disabled={prune.isPending} onClick={() => setConfirmPrune(true)}>Prune now</button>
          </form>
          {days !== '' && !daysValid ? <p className="field-error">Retention is a whole number of days from 1 to 3650.</p> : null}
          {setRetention.isError ? <ErrorPanel title="Retention was not changed" error={errorShapeOf(setRetention.error)} /> : null}
          {prune.isError ? <ErrorPanel title="The journal was not pruned" error={errorShapeOf(prune.error)} /> : null}
          {prune.data ? (
            <p className="notice" role="status">
              Removed {prune.data.calls} calls, {prune.data.notifications} notifications and {prune.data.attempts} sends older than {new Date(prune.data.cutoff).toLocaleString()}; reclaimed {bytes(prune.data.bytesReclaimed)}.
            </p>
          ) : null}
          <ConfirmDialog
            open={confirmPrune}
            title="Prune the journal?"
            confirmLabel="Prune"
            danger
            busy={prune.isPending}
            onCancel={() => setConfirmPrune(false)}
            onConfirm={() => prune.mutate(undefined, { onSettled: () => setConfirmPrune(false) })}
          >
            <p>Calls and notifications older than {info.data.retentionDays} days are deleted for good. Export them first (API log, Notifications) if you need them.</p>
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}
