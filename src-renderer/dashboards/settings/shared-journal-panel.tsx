/**
 * Settings › Shared journal: which journal the console uses, attach it to a team's PostgreSQL
 * journal (a postgres:// URL; the password goes to main and into the OS keychain, and is never
 * shown again), or detach back to the embedded SQLite file.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorShapeOf } from '../../bridge/client';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { Loading } from '../../components/loading';
import { useAttachJournal, useDetachJournal, useJournalConnection } from '../../queries/journal-connection';

const SOURCE_WORDS = { embedded: 'Default (this computer)', settings: 'Attached in Settings', startup: 'Given at start (--database / ANTOM_OPS_DATABASE_URL)' } as const;

export function SharedJournalPanel() {
  const id = useId();
  const connection = useJournalConnection();
  const attach = useAttachJournal();
  const detach = useDetachJournal();
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const urlLooksRight = /^postgres(ql)?:\/\/\S+$/i.test(url.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!urlLooksRight) return;
    attach.mutate(password === '' ? { url: url.trim() } : { url: url.trim(), password }, {
      onSuccess: () => {
        setUrl('');
        setPassword('');
      },
    });
  };

  const current = connection.data;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Shared journal</h3>
      {connection.isPending ? <Loading what="Reading which journal is in use…" /> : null}
      {connection.isError ? <ErrorPanel title="The journal in use could not be read" error={errorShapeOf(connection.error)} onRetry={() => void connection.refetch()} /> : null}
      {current ? (
        <>
          <FieldList
            rows={[
              ['In use', <span data-testid="journal-connection-label">{current.label}</span>],
              ['Where', <code>{current.where}</code>],
              ['Chosen by', SOURCE_WORDS[current.source]],
            ]}
          />
          {current.attachError ? <ErrorPanel title="The shared journal from Settings could not be opened; the console uses the embedded journal meanwhile" error={current.attachError} /> : null}
          {current.source === 'settings' || current.attachError ? (
            <div className="form-actions">
              <button type="button" className="danger-outline" disabled={detach.isPending} onClick={() => detach.mutate()}>
                {detach.isPending ? 'Detaching…' : 'Detach (use the embedded journal)'}
              </button>
            </div>
          ) : null}
          {detach.isError ? <ErrorPanel title="The console was not detached" error={errorShapeOf(detach.error)} /> : null}
        </>
      ) : null}
      <form onSubmit={submit} aria-label="Attach a shared journal" className="shared-journal-form">
        <p className="field-help">
          A team's PostgreSQL journal: every console and receiver on it sees every notification and call. The database must be migrated first (<code>antom-ops db migrate --database URL</code>).
        </p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-url`}>PostgreSQL URL</label>
            <input id={`${id}-url`} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={url} aria-invalid={url !== '' && !urlLooksRight ? true : undefined}
              onChange={(e) => setUrl(e.target.value)} placeholder="postgresql://operator@db.example.com:5432/antom_ops" />
            {url !== '' && !urlLooksRight ? <p className="field-error">Starts with postgres:// or postgresql://</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <p className="field-help">Kept in the OS keychain, never in a file; leave empty if the server needs none (or the URL carries it).</p>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!urlLooksRight || attach.isPending}>{attach.isPending ? 'Checking…' : 'Check and attach'}</button>
        </div>
      </form>
      {attach.isError ? <ErrorPanel title="The shared journal was not attached" error={errorShapeOf(attach.error)} /> : null}
      {attach.isSuccess ? <p className="notice" role="status">Attached: {attach.data.label}.</p> : null}
    </section>
  );
}
