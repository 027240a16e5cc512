/**
 * Paste a paymentSessionData: decoded in the page (no key material, no round trip) into region,
 * product scene, method category and client ID, with every reason Antom's web SDK would answer
 * SDK_CREATEPAYMENT_PARAMETER_ERROR.
 */
import { useId, useState, type FormEvent } from 'react';
import { decodePaymentSessionData } from '../../../src-shared/antom/payment-session-data-decode';
import { explainSdkEventCode } from '../../../src-shared/knowledge';
import { CodeBlock } from '../../components/code-block';
import { FieldList } from '../../components/field-list';
import { CodeEntryCard } from './code-entry-card';
import { sessionDataReport, type SessionDataReport } from './session-data-report';

export function SessionDataDecoder() {
  const id = useId();
  const [text, setText] = useState('');
  const [report, setReport] = useState<SessionDataReport | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReport(sessionDataReport(decodePaymentSessionData(text)));
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Decode paymentSessionData</h3>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-text`}>paymentSessionData</label>
          <textarea
            id={`${id}-text`}
            className="wide"
            rows={4}
            spellCheck={false}
            aria-describedby={`${id}-help`}
            placeholder="kQXa1lM0pDzX6cTN&&SG&&101&&eyJwYXltZW50U2Vzc2lvbkNvbmZpZyI6ey4uLn19"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${id}-help`} className="field-help">
            The value from a createPaymentSession response (or the whole response). Antom&apos;s web SDK reads four parts joined by &quot;&amp;&amp;&quot;: an id, the region sign, a third part and base64 JSON with paymentSessionConfig and clientId.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={text.trim() === ''}>Decode</button>
        </div>
      </form>
      {report ? <SessionDataResult report={report} /> : null}
    </section>
  );
}

function SessionDataResult({ report }: { report: SessionDataReport }) {
  return (
    <div className="session-data-result" role="region" aria-label="Decoded paymentSessionData">
      <p role="status" className={`session-data-verdict ${report.accepted ? 'ok' : 'bad'}`}>
        <span className={`badge ${report.accepted ? 'ok' : 'bad'}`}>{report.accepted ? 'Accepted shape' : 'SDK_CREATEPAYMENT_PARAMETER_ERROR'}</span> {report.headline}
      </p>
      {report.problems.length > 0 ? (
        <>
          <h4>Why the SDK rejects it</h4>
          <ol className="diagnosis">
            {report.problems.map((problem, index) => (
              <li key={index} className="likely">
                <strong>In {problem.where}:</strong> {problem.message} <span className="muted">Fix:</span> {problem.fix}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h4>{report.accepted ? 'Decoded' : 'What could be read'}</h4>
      <FieldList rows={report.fields} />
      {report.notes.length > 0 ? (
        <ul className="notes">
          {report.notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      ) : null}
      {report.payloadJson ? <CodeBlock label="Decoded JSON (part 4)" text={report.payloadJson} /> : null}
      {report.accepted ? null : <CodeEntryCard entry={explainSdkEventCode('SDK_CREATEPAYMENT_PARAMETER_ERROR')} />}
    </div>
  );
}
