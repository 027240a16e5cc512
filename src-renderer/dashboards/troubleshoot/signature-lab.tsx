/**
 * The signature lab: paste the headers and body of a request, response or notification, pick
 * the key to check against (a profile's Antom public key, or a pasted one), and see whether it
 * verifies, the exact content string verified, and which usual mistake explains a failure.
 * `#/troubleshoot?notification=<id>` fills it from a stored notification.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { NotificationDetailView } from '../../../src-shared/journal-views';
import { errorShapeOf } from '../../bridge/client';
import { CodeBlock } from '../../components/code-block';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { useNotification } from '../../queries/notifications';
import { useProfiles } from '../../queries/profiles';
import { useVerifySignatureLab } from '../../queries/troubleshoot';
import { parseRawHttp } from './parse-raw-http';

interface LabFields {
  method: string;
  path: string;
  clientId: string;
  time: string;
  signature: string;
  body: string;
}

const EMPTY: LabFields = { method: 'POST', path: '', clientId: '', time: '', signature: '', body: '' };
const PASTED_KEY = '__pasted__';

function headerOf(headers: Record<string, string>, name: string): string {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found ? found[1] : '';
}

function fieldsFromNotification(n: NotificationDetailView): LabFields {
  return {
    method: 'POST',
    path: n.receiverPath,
    clientId: headerOf(n.headers, 'client-id'),
    time: headerOf(n.headers, 'request-time'),
    signature: headerOf(n.headers, 'signature'),
    body: n.body,
  };
}

export function SignatureLab({ notificationId }: { notificationId: number | undefined }) {
  const id = useId();
  const [fields, setFields] = useState<LabFields>(EMPTY);
  const [raw, setRaw] = useState('');
  const [rawNote, setRawNote] = useState<string | undefined>(undefined);
  const [keySource, setKeySource] = useState<string>('');
  const [pastedKey, setPastedKey] = useState('');
  const profiles = useProfiles();
  const notification = useNotification(notificationId);
  const lab = useVerifySignatureLab();
  const { reset: resetLab } = lab;
  const [filledFrom, setFilledFrom] = useState<number | undefined>(undefined);

  // Fill once per notification opened from the Notifications detail pane.
  useEffect(() => {
    const n = notification.data;
    if (!n || filledFrom === n.id) return;
    setFields(fieldsFromNotification(n));
    if (n.profile) setKeySource(n.profile);
    setFilledFrom(n.id);
    resetLab();
  }, [notification.data, filledFrom, resetLab]);

  const set = (key: keyof LabFields, value: string) => setFields((f) => ({ ...f, [key]: value }));

  const fillFromRaw = () => {
    const parts = parseRawHttp(raw);
    setFields((f) => ({
      method: parts.method ?? f.method,
      path: parts.path ?? f.path,
      clientId: parts.clientId ?? f.clientId,
      time: parts.time ?? f.time,
      signature: parts.signature ?? f.signature,
      body: parts.body,
    }));
    const missing = [!parts.clientId && 'client-id', !parts.time && 'request-time/response-time', !parts.signature && 'signature'].filter(Boolean);
    setRawNote(
      `Read a ${parts.kind === 'headers-only' ? 'header block' : parts.kind}${parts.timeHeader ? ` (${parts.timeHeader})` : ''}.` +
        (parts.kind === 'response' ? ' A response does not carry its path: type the path of the request it answers.' : '') +
        (missing.length > 0 ? ` Not found: ${missing.join(', ')}.` : ''),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    lab.mutate({
      path: fields.path.trim(),
      clientId: fields.clientId.trim(),
      time: fields.time.trim(),
      signature: fields.signature.trim(),
      body: fields.body,
      ...(fields.method.trim() && fields.method.trim() !== 'POST' ? { method: fields.method.trim() } : {}),
      ...(keySource === PASTED_KEY ? { publicKey: pastedKey } : keySource ? { profile: keySource } : {}),
    });
  };

  const complete = fields.path.trim() && fields.clientId.trim() && fields.time.trim() && fields.signature.trim() && (keySource !== PASTED_KEY || pastedKey.trim());
  const result = lab.data;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Signature lab</h3>
      <p className="muted small">
        Antom signs <code>{'POST <path>\\n<client-id>.<request-time>.<body>'}</code> with RSA-SHA256. Paste exactly what was sent or received; a body re-serialised by a framework no longer verifies.
      </p>
      {notificationId !== undefined && notification.isPending ? <Loading what={`Loading notification #${notificationId}…`} /> : null}
      {notification.isError ? <ErrorPanel title="The notification could not be loaded into the lab" error={errorShapeOf(notification.error)} /> : null}
      {notification.data && filledFrom === notification.data.id ? (
        <p className="notice" role="status">
          Filled from notification #{notification.data.id} ({notification.data.notifyType}, {notification.data.verification}
          {notification.data.rejectReason ? `: ${notification.data.rejectReason}` : ''}).
          {notification.data.bodyExact ? '' : ' Its stored body had personal data masked, so it cannot verify as stored; paste the original body if you have it.'}
        </p>
      ) : null}

      <details className="raw-http">
        <summary>Paste a raw HTTP request or response</summary>
        <div className="field">
          <label htmlFor={`${id}-raw`}>Raw HTTP request or response</label>
          <textarea id={`${id}-raw`} className="wide" rows={8} value={raw} onChange={(e) => setRaw(e.target.value)}
            placeholder={'POST /antom/notify HTTP/1.1\nclient-id: SANDBOX_5X00000000000000\nrequest-time: 2026-05-01T10:00:00+08:00\nsignature: algorithm=RSA256,keyVersion=1,signature=...\n\n{"notifyType":"PAYMENT_RESULT",...}'} />
          <p className="field-help">Start line, headers, one blank line, then the body exactly as sent.</p>
        </div>
        <div className="form-actions">
          <button type="button" onClick={fillFromRaw} disabled={raw.trim() === ''}>Fill fields from raw HTTP</button>
          {rawNote ? <span className="small" role="status">{rawNote}</span> : null}
        </div>
      </details>

      <form onSubmit={submit} aria-label="Signature lab">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-method`}>Method</label>
            <input id={`${id}-method`} value={fields.method} onChange={(e) => set('method', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-path`}>Path</label>
            <input id={`${id}-path`} placeholder="/ams/api/v1/payments/capture" value={fields.path} onChange={(e) => set('path', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-client`}>client-id</label>
            <input id={`${id}-client`} value={fields.clientId} onChange={(e) => set('clientId', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>request-time or response-time</label>
            <input id={`${id}-time`} value={fields.time} onChange={(e) => set('time', e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sig`}>Signature header</label>
          <input id={`${id}-sig`} placeholder="algorithm=RSA256,keyVersion=1,signature=..." value={fields.signature} onChange={(e) => set('signature', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Body</label>
          <textarea id={`${id}-body`} className="wide" rows={6} value={fields.body} onChange={(e) => set('body', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>Verify against</label>
          <select id={`${id}-key`} value={keySource} onChange={(e) => setKeySource(e.target.value)}>
            <option value="">The active profile's Antom public key</option>
            {(profiles.data ?? []).map((p) => (
              <option key={p.name} value={p.name} disabled={!p.antomPublicKey}>
                Profile {p.name} ({p.environment}){p.antomPublicKey ? '' : ': no Antom public key'}
              </option>
            ))}
            <option value={PASTED_KEY}>A public key I paste</option>
          </select>
        </div>
        {keySource === PASTED_KEY ? (
          <div className="field">
            <label htmlFor={`${id}-pub`}>Public key (PEM or base64)</label>
            <textarea id={`${id}-pub`} className="wide" rows={4} value={pastedKey} onChange={(e) => setPastedKey(e.target.value)} />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={lab.isPending || !complete}>{lab.isPending ? 'Verifying…' : 'Verify signature'}</button>
          {!complete ? <span className="field-help">Fill path, client-id, time and signature.</span> : null}
        </div>
      </form>

      {lab.isError ? <ErrorPanel title="The signature could not be checked" error={errorShapeOf(lab.error)} /> : null}
      {result ? (
        <div className="lab-result" role="region" aria-label="Signature lab result">
          <div className={`verdict ${result.valid ? 'ok' : 'bad'}`} role="status">
            <p><strong>{result.valid ? 'Valid: the signature verifies.' : 'Invalid: the signature does not verify.'}</strong>{result.reason ? ` ${result.reason}` : ''}</p>
          </div>
          <CodeBlock label="Content verified" text={result.contentToSign} />
          {result.diagnosis.length > 0 ? (
            <>
              <h4>Diagnosis</h4>
              <ul className="diagnosis">
                {[...result.diagnosis].sort((a, b) => Number(b.likelyCause) - Number(a.likelyCause)).map((d) => (
                  <li key={d.check} className={d.likelyCause ? 'likely' : undefined}>
                    {d.likelyCause ? <span className="badge bad">Likely cause</span> : <span className="badge">Checked</span>} <strong>{d.check}</strong>: {d.finding}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
