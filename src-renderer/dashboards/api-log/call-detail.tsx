/**
 * One call in full: the request as signed and sent (content to sign, signature header, body),
 * the response (headers, body) with its signature label, and every attempt of the same callId.
 */
import { explainResultCode } from '../../../src-shared/knowledge';
import type { CallDetail as CallDetailView } from '../../../src-shared/journal-views';
import { CALL_ID_NAMES } from '../../../src-shared/journal-views';
import { routeHref } from '../../app/router';
import { errorShapeOf } from '../../bridge/client';
import { CodeBlock } from '../../components/code-block';
import { CompactTable } from '../../components/compact-table';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { HeadersTable } from '../../components/headers-table';
import { DetailPane } from '../../components/log-list-parts';
import { Loading } from '../../components/loading';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { prettyJson } from '../../format/json';
import { formatDuration } from '../../format/time';
import { useCall, useCallAttempts } from '../../queries/calls';

const SIGNATURE_WORDS: Record<string, string> = {
  verified: 'The response signature verified with the profile\'s Antom public key.',
  unverified: 'The response carried no signature, or no Antom public key is configured: an S or U from it is treated as unknown.',
  invalid: 'The response signature did NOT verify: the answer was not trusted. Check the Antom public key and environment of this profile.',
};

export function CallDetail({ id, onClose, onOpenAttempt }: { id: number; onClose: () => void; onOpenAttempt: (id: number) => void }) {
  const detail = useCall(id);
  return (
    <DetailPane headingId="call-detail-heading" heading={`Call #${id}`} noun="call" detail={detail} onClose={onClose}>
      {(c) => <CallBody c={c} onOpenAttempt={onOpenAttempt} />}
    </DetailPane>
  );
}

function CallBody({ c, onOpenAttempt }: { c: CallDetailView; onOpenAttempt: (id: number) => void }) {
  const attempts = useCallAttempts(c.callId);
  const explanation = c.resultCode ? explainResultCode(c.resultCode, c.api) : undefined;
  // The journal keeps the parts; the content to sign is rebuilt from them the way the client built it.
  const contentSigned = `POST ${c.path}\n${c.clientId}.${c.requestTime}.${c.requestBody}`;
  const paymentKey = c.paymentId ?? c.paymentRequestId;
  return (
    <div className="detail-body">
      <FieldList
        rows={[
          ['API', <code>{c.api}</code>],
          ['Result', <ResultBadge status={c.resultStatus} code={c.resultCode} api={c.api} />],
          ['Message', c.resultMessage],
          ['HTTP', c.httpStatus === null ? 'no answer' : String(c.httpStatus)],
          ['Signature', <StatusBadge status={c.responseSignature ?? 'none'} />],
          ['Latency', formatDuration(c.latencyMs)],
          ['Started', <Time value={c.startedAt} />],
          ['Attempt', `${c.attempt} (call ${c.callId})`],
          ['Trigger', c.trigger],
          ['Sent by', c.actor ? `${c.actor.user}@${c.actor.host} (${c.actor.door})` : 'not recorded (before the audit trail)'],
          ['Profile', `${c.profile} (${c.environment})`],
          ...CALL_ID_NAMES.filter((name) => c[name]).map((name) => [name, <code>{c[name]}</code>] as const),
        ]}
      />
      {paymentKey ? <p><a href={routeHref('payments', { id: paymentKey })}>Open the payment timeline</a></p> : null}
      {explanation ? (
        <div className={`verdict ${c.resultStatus === 'S' ? 'ok' : 'bad'}`}>
          <p>{explanation.meaning}</p>
          <p><strong>Next:</strong> {explanation.nextAction}</p>
        </div>
      ) : null}
      {c.errorCode || c.errorMessage ? (
        <div className="verdict bad"><p><strong>{c.errorCode}</strong> {c.errorMessage}</p></div>
      ) : null}
      {c.responseSignature ? <p className="muted">{SIGNATURE_WORDS[c.responseSignature]}</p> : null}

      <h4>Attempts of this call</h4>
      {attempts.isPending ? <Loading what="Loading attempts…" /> : null}
      {attempts.isError ? <ErrorPanel error={errorShapeOf(attempts.error)} /> : null}
      {attempts.data ? (
        <CompactTable
          caption="Retries reuse the same request ID and callId"
          headers={['Attempt', 'Started', 'HTTP', 'Result', 'Latency', 'Trigger']}
          rows={attempts.data}
          rowKey={(a) => a.id}
          rowProps={(a) => ({ 'aria-current': a.id === c.id ? 'true' : undefined })}
          cells={(a) => [
            a.id === c.id ? <strong>{a.attempt} (shown)</strong> : <button type="button" className="link-button" onClick={() => onOpenAttempt(a.id)}>Attempt {a.attempt}</button>,
            <Time value={a.startedAt} />,
            a.httpStatus ?? '—',
            <ResultBadge status={a.resultStatus} code={a.resultCode} api={a.api} />,
            formatDuration(a.latencyMs),
            a.trigger,
          ]}
        />
      ) : null}

      <h4>Request</h4>
      <FieldList rows={[['URL', <code>{c.url}</code>], ['client-id', <code>{c.clientId}</code>], ['request-time', <><code>{c.requestTime}</code> (<Time value={c.requestTime} />)</>]]} />
      <CodeBlock label="Content signed" text={contentSigned} />
      <CodeBlock label="Signature header" text={c.requestSignatureHeader} />
      <CodeBlock label="Request body" text={c.requestBody} />

      <h4>Response</h4>
      {c.responseHeaders ? <HeadersTable headers={c.responseHeaders} /> : <p className="muted">No response headers (no answer arrived).</p>}
      {c.responseBody !== null ? <CodeBlock label="Response body" text={prettyJson(c.responseBody)} /> : <p className="muted">No response body.</p>}
      <p className="muted">Stored bodies may have personal data masked; the response body is shown pretty-printed, the request body exactly as stored.</p>
    </div>
  );
}
