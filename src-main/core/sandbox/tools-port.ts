/**
 * The part of the sandbox's control surface the console's sandbox tools use, reachable two ways:
 * in-process (the app and the preview run the embedded sandbox themselves) or over loopback HTTP
 * under /__sandbox/ (the CLI, while a console or `antom-ops sandbox start` runs it). Both answer
 * the same shapes; the HTTP answers are validated first, since another process's reply is input.
 */
import { z } from 'zod';
import { ConsoleError, ERROR_CODES } from '../../../src-shared/errors';
import { ANTOM_APIS, SANDBOX_FAULT_KINDS } from '../../../src-shared/vocabulary';
import type { SandboxControl } from './control';
import type { FaultInput } from './faults';

const faultSchema = z.object({
  kind: z.enum(SANDBOX_FAULT_KINDS),
  api: z.enum(ANTOM_APIS).optional(),
  count: z.number().optional(),
  remaining: z.number().nullable(),
  latencyMs: z.number().optional(),
  status: z.number().optional(),
  body: z.string().optional(),
  mode: z.string().optional(),
});
export type ActiveFault = z.infer<typeof faultSchema>;

const notificationSchema = z.object({
  id: z.string(),
  api: z.string(),
  notifyType: z.string(),
  paymentId: z.string(),
  url: z.string().optional(),
  createdAt: z.string(),
  acknowledged: z.boolean(),
  attempts: z.array(z.object({ httpStatus: z.number().optional(), error: z.string().optional(), acknowledged: z.boolean() })),
});
export type SandboxNotification = z.infer<typeof notificationSchema>;

const clockSchema = z.object({ now: z.string(), clockOffsetMs: z.number(), timeScale: z.number() });
type SandboxClockInfo = z.infer<typeof clockSchema>;
const paymentIdsSchema = z.object({ paymentId: z.string(), paymentRequestId: z.string() });
const errorSchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), hint: z.string() }) });

export interface SandboxToolsPort {
  listFaults(): Promise<ActiveFault[]>;
  /** Add one fault, or make it the only one (replace). */
  putFault(fault: FaultInput, replace: boolean): Promise<ActiveFault[]>;
  clearFaults(): Promise<void>;
  clock(): Promise<SandboxClockInfo>;
  advance(ms: number): Promise<void>;
  /** The payment's IDs, by paymentId or paymentRequestId (NOT_FOUND when the sandbox has none). */
  payment(id: string): Promise<{ paymentId: string; paymentRequestId: string }>;
  listNotifications(): Promise<SandboxNotification[]>;
  resend(notificationId: string): Promise<SandboxNotification>;
}

export function inProcessPort(control: SandboxControl): SandboxToolsPort {
  const clockOf = () => {
    const info = control.info();
    return { now: info.now, clockOffsetMs: info.clockOffsetMs, timeScale: info.timeScale };
  };
  return {
    listFaults: async () => control.listFaults(),
    putFault: async (fault, replace) => {
      if (replace) control.setFaults(fault);
      else control.addFaults(fault);
      return control.listFaults();
    },
    clearFaults: async () => control.clearFaults(),
    clock: async () => clockOf(),
    advance: async (ms) => control.advanceTime(ms),
    payment: async (id) => control.getPayment(id),
    listNotifications: async () => control.listNotifications(),
    resend: async (id) => control.resendNotification(id),
  };
}

export function httpPort(baseUrl: string): SandboxToolsPort {
  const root = `${baseUrl.replace(/\/$/, '')}/__sandbox/`;
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let status: number;
    let text: string;
    try {
      const res = await fetch(root + path, {
        method,
        // The control surface wants JSON on everything but GET (its guard against web pages).
        ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      throw new ConsoleError('NETWORK_ERROR', `The embedded sandbox at ${baseUrl} did not answer (${(error as Error).message}).`, 'Check that the console (or `antom-ops sandbox start`) is still running.');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConsoleError('RESPONSE_NOT_JSON', `The embedded sandbox at ${baseUrl} answered HTTP ${status} with something other than JSON.`, 'Check that the URL belongs to the embedded sandbox.');
    }
    if (status !== 200) {
      const failure = errorSchema.safeParse(json);
      if (failure.success) throw new ConsoleError(failure.data.error.code, failure.data.error.message, failure.data.error.hint);
      throw new ConsoleError('HTTP_ERROR', `The embedded sandbox at ${baseUrl} answered HTTP ${status} to ${method} /__sandbox/${path}.`, 'Check that the sandbox is the one this data directory runs.');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ConsoleError('RESPONSE_NOT_JSON', `The embedded sandbox at ${baseUrl} answered /__sandbox/${path} in a shape this console cannot read.`, 'Check that the sandbox and the console are the same version.');
    }
    return parsed.data;
  }
  const faults = z.array(faultSchema);
  return {
    listFaults: () => call('GET', 'faults', faults),
    async putFault(fault, replace) {
      // Over HTTP only "replace all" exists: keep the others, each with what it has left.
      const keep = replace ? [] : (await call('GET', 'faults', faults)).map(({ remaining, ...spec }) => ({ ...spec, ...(remaining === null ? {} : { count: remaining }) }));
      return call('POST', 'faults', faults, [...keep, fault]);
    },
    clearFaults: async () => {
      await call('DELETE', 'faults', z.unknown());
    },
    clock: () => call('GET', 'info', clockSchema),
    advance: async (ms) => {
      await call('POST', 'time/advance', z.unknown(), { ms });
    },
    payment: (id) => call('GET', `payments/${encodeURIComponent(id)}`, paymentIdsSchema),
    listNotifications: () => call('GET', 'notifications', z.array(notificationSchema)),
    resend: (id) => call('POST', `notifications/${encodeURIComponent(id)}/resend`, notificationSchema),
  };
}
