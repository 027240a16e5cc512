/**
 * What was signed and sent: the content to sign, the headers and the body, exactly as the
 * client built them. Never a key: the outcome carries none, and this view shows only what
 * travelled on the wire.
 */
import { CodeBlock } from './code-block';
import { Time } from './time';
import { prettyJson } from '../format/json';

interface SignedRequest {
  url: string;
  path: string;
  requestTime: string;
  requestSignatureHeader: string;
  contentToSign: string;
  requestBody: string;
}

/** client-id is the part of the content to sign before ".<request-time>." (API-FACTS signing). */
function clientIdFrom(request: SignedRequest): string | undefined {
  const secondLine = request.contentToSign.split('\n')[1];
  if (!secondLine) return undefined;
  const marker = `.${request.requestTime}.`;
  const at = secondLine.indexOf(marker);
  return at > 0 ? secondLine.slice(0, at) : undefined;
}

export function SignedRequestView({ request, title = 'Signed request' }: { request: SignedRequest; title?: string }) {
  const clientId = clientIdFrom(request);
  const headers = [
    'Content-Type: application/json; charset=UTF-8',
    clientId ? `client-id: ${clientId}` : undefined,
    `request-time: ${request.requestTime}`,
    `signature: ${request.requestSignatureHeader}`,
  ].filter((line): line is string => line !== undefined).join('\n');
  return (
    <div className="signed-request" aria-label={title} role="group">
      <h4>{title}</h4>
      <p className="muted">
        POST <code>{request.url}</code> at <Time value={request.requestTime} />
      </p>
      <CodeBlock label="Content to sign" text={request.contentToSign} />
      <CodeBlock label="Request headers" text={headers} />
      <CodeBlock label="Request body" text={prettyJson(request.requestBody)} />
      <p className="muted small">The body above is pretty-printed for reading; the bytes signed and sent are the compact form inside the content to sign.</p>
    </div>
  );
}
