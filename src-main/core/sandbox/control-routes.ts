/**
 * HTTP form of the control surface, under /__sandbox/ (apart from Antom's /ams paths). JSON in
 * and out; errors are `{"error": ConsoleErrorShape}`. Answered only to loopback callers, even
 * when the sandbox is bound to a wider address, because it can move money in the simulation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ConsoleError, toErrorShape } from '../../../src-shared/errors';
import type { SandboxControl } from './control';
import { DISPUTE_JUDGED_RESULTS } from './dispute-scenarios';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const paySchema = z.object({
  outcome: z.enum(['success', 'fail', 'processing', 'cancel', 'expire']).optional(),
  resultCode: z.string().min(1).max(64).optional(),
  resultMessage: z.string().min(1).max(256).optional(),
});
const merchantSchema = z.object({ clientId: z.string().min(1).max(128), merchantPublicKeyBase64: z.string().min(1) });
const notifyUrlSchema = z.object({ url: z.string().min(1).nullable() });
const advanceSchema = z.object({ ms: z.number().nonnegative() });
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

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, pathname: string, raw: Buffer, control: SandboxControl): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    send(res, 403, { error: { code: 'READ_ONLY', message: 'The sandbox control surface only answers loopback callers.', hint: 'Call it from the machine the sandbox runs on.' } });
    return;
  }
  const method = req.method ?? 'GET';
  const parts = pathname.replace(/^\/__sandbox\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route = `${method} ${parts.map((p, i) => (i % 2 === 1 && (parts[0] === 'payments' || parts[0] === 'notifications' || parts[0] === 'disputes') ? ':id' : p)).join('/')}`;
  try {
    switch (route) {
      case 'GET info':
        return send(res, 200, control.info());
      case 'POST merchants': {
        const body = parseJson(merchantSchema, raw, '{"clientId":"SANDBOX_1","merchantPublicKeyBase64":"MIIBIj..."}');
        control.registerMerchant(body.clientId, body.merchantPublicKeyBase64);
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
