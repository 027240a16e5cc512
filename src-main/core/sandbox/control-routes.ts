/**
 * HTTP form of the control surface, under /__sandbox/ (apart from Antom's /ams paths). JSON in
 * and out; errors are `{"error": ConsoleErrorShape}`.
 *
 * It can act as the buyer, inject faults and redirect signed notifications, so it answers only a
 * caller on this machine, and only one a web page cannot impersonate:
 * - the socket's peer is loopback (even when the sandbox is bound to a wider address);
 * - the Host header names a loopback host and this server's port (defeats DNS rebinding, where a
 *   foreign hostname resolves to 127.0.0.1);
 * - an Origin header, when present, is this server's own loopback origin (a page elsewhere that
 *   fetch()es here carries its own origin);
 * - every request that is not a GET says `Content-Type: application/json`, which a page on another
 *   site cannot send without a CORS preflight this server never approves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ConsoleError, toErrorShape } from '../../../src-shared/errors';
import { antomResultCode } from '../../../src-shared/contract';
import type { SandboxControl } from './control';
import { DISPUTE_JUDGED_RESULTS } from './dispute-scenarios';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const paySchema = z.object({
  outcome: z.enum(['success', 'fail', 'processing', 'cancel', 'expire']).optional(),
  resultCode: antomResultCode.min(1).optional(),
  resultMessage: z.string().min(1).max(256).optional(),
});
const merchantSchema = z.object({ clientId: z.string().min(1).max(128), merchantPublicKeyBase64: z.string().min(1).max(4096), regionSign: z.string().regex(/^[A-Z]{2}$/).optional() });
const notifyUrlSchema = z.object({ url: z.string().min(1).nullable() });
/** One jump of the sandbox clock: at most a year, so the clock stays a valid date. */
const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;
const advanceSchema = z.object({ ms: z.number().int().nonnegative().max(MAX_ADVANCE_MS, `must be at most ${MAX_ADVANCE_MS} (366 days)`) });
const judgedResultSchema = z.enum(DISPUTE_JUDGED_RESULTS);
const raiseDisputeSchema = z.object({
  disputeType: z.enum(['CHARGEBACK', 'COMPLIANCE_REQUEST']).optional(),
  judgedAfterDefense: judgedResultSchema.optional(),
  reasonCode: z.string().min(1).max(64).optional(),
  reasonMsg: z.string().min(1).max(256).optional(),
  value: z.string().regex(/^[1-9][0-9]{0,15}$/).optional(),
  buyerCancels: z.boolean().optional(),
}).strict();
const judgeSchema = z.object({ judgedResult: judgedResultSchema.optional() }).strict();

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface ControlGuard {
  /** The port this server listens on: the only one a genuine Host or Origin names. */
  port: number;
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Why a control request must be refused, or undefined when it may proceed. */
function controlRefusal(req: IncomingMessage, guard: ControlGuard): { status: number; message: string; hint: string } | undefined {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    return { status: 403, message: 'The sandbox control surface only answers loopback callers.', hint: 'Call it from the machine the sandbox runs on.' };
  }
  const host = headerText(req, 'host')?.toLowerCase();
  const allowedHosts = [...LOOPBACK_HOSTS].map((h) => `${h}:${guard.port}`);
  if (!host || !allowedHosts.includes(host)) {
    return { status: 403, message: `The control surface does not answer for Host "${host ?? ''}".`, hint: `Address it as http://127.0.0.1:${guard.port}/__sandbox/ (or localhost).` };
  }
  const origin = headerText(req, 'origin')?.toLowerCase();
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, message: `The control surface refuses requests from the web origin "${origin}".`, hint: 'Only the console itself, the CLI or a script on this machine may drive the sandbox.' };
  }
  if ((req.method ?? 'GET') !== 'GET') {
    const type = headerText(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return { status: 415, message: `Control requests other than GET must be sent as application/json; got ${type ?? 'no content type'}.`, hint: 'Send the header Content-Type: application/json (also with an empty body).' };
    }
  }
  return undefined;
}

function decodeParts(pathname: string): string[] {
  try {
    return pathname.replace(/^\/__sandbox\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new ConsoleError('VALIDATION_FAILED', `The control path ${pathname} has a malformed percent-escape.`, 'Percent-encode IDs with encodeURIComponent (e.g. %2F for "/").');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function statusFor(error: unknown): number {
  if (!(error instanceof ConsoleError)) return 500;
  if (error.code === 'NOT_FOUND') return 404;
  if (error.code === 'VALIDATION_FAILED' && error.details?.state !== undefined) return 409;
  return error.code === 'INTERNAL' ? 500 : 400;
}

function parseJson<T>(schema: z.ZodType<T>, raw: Buffer, example: string): T {
  let value: unknown = {};
  if (raw.length > 0) {
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ConsoleError('VALIDATION_FAILED', 'The control request body is not JSON.', `Send JSON, e.g. ${example}.`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConsoleError('VALIDATION_FAILED', `Invalid control request: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'bad body'}.`, `Send JSON, e.g. ${example}.`);
  }
  return parsed.data;
}

function parseAny(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ConsoleError('VALIDATION_FAILED', 'The control request body is not JSON.', 'Send JSON, e.g. {"kind":"latency","latencyMs":2000}.');
  }
}

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, pathname: string, raw: Buffer, control: SandboxControl, guard: ControlGuard): Promise<void> {
  const refusal = controlRefusal(req, guard);
  if (refusal) {
    send(res, refusal.status, { error: { code: 'READ_ONLY', message: refusal.message, hint: refusal.hint } });
    return;
  }
  const method = req.method ?? 'GET';
  try {
    const parts = decodeParts(pathname);
    const route = `${method} ${parts.map((p, i) => (i % 2 === 1 && (parts[0] === 'payments' || parts[0] === 'notifications' || parts[0] === 'disputes') ? ':id' : p)).join('/')}`;
    switch (route) {
      case 'GET info':
        return send(res, 200, control.info());
      case 'POST merchants': {
        const body = parseJson(merchantSchema, raw, '{"clientId":"SANDBOX_1","merchantPublicKeyBase64":"MIIBIj..."}');
        control.registerMerchant(body.clientId, body.merchantPublicKeyBase64, body.regionSign);
        return send(res, 200, { registered: body.clientId });
      }
      case 'GET payments':
        return send(res, 200, control.listPayments());
      case 'GET payments/:id':
        return send(res, 200, control.getPayment(parts[1]!));
      case 'POST payments/:id/pay': {
        const body = parseJson(paySchema, raw, '{"outcome":"success"}');
        return send(res, 200, control.pay(parts[1]!, body));
      }
      case 'POST payments/:id/dispute': {
        const body = parseJson(raiseDisputeSchema, raw, '{"judgedAfterDefense":"ACCEPT_BY_CUSTOMER"}');
        return send(res, 200, control.raiseDispute(parts[1]!, body));
      }
      case 'GET disputes':
        return send(res, 200, control.listDisputes());
      case 'GET disputes/:id':
        return send(res, 200, control.getDispute(parts[1]!));
      case 'POST disputes/:id/judge': {
        const body = parseJson(judgeSchema, raw, '{"judgedResult":"ACCEPT_BY_MERCHANT"}');
        return send(res, 200, control.judgeDispute(parts[1]!, body.judgedResult));
      }
      case 'GET faults':
        return send(res, 200, control.listFaults());
      case 'POST faults':
        return send(res, 200, control.setFaults(parseAny(raw) as never));
      case 'DELETE faults':
        control.clearFaults();
        return send(res, 200, []);
      case 'GET notifications':
        return send(res, 200, control.listNotifications());
      case 'GET notifications/:id':
        return send(res, 200, control.getNotification(parts[1]!));
      case 'POST notifications/:id/resend':
        return send(res, 200, await control.resendNotification(parts[1]!));
      case 'POST notify-url': {
        const body = parseJson(notifyUrlSchema, raw, '{"url":"http://127.0.0.1:8788/antom/notify"}');
        control.setNotifyUrl(body.url ?? undefined);
        return send(res, 200, control.info());
      }
      case 'POST time/advance': {
        const body = parseJson(advanceSchema, raw, '{"ms":3600000}');
        control.advanceTime(body.ms);
        return send(res, 200, { advancedMs: body.ms });
      }
      default:
        return send(res, 404, { error: { code: 'NOT_FOUND', message: `No control route ${method} ${pathname}.`, hint: 'See docs/sandbox-scenarios.md for the control endpoints.' } });
    }
  } catch (error) {
    send(res, statusFor(error), { error: toErrorShape(error) });
  }
}
