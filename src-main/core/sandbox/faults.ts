/**
 * Injected faults: the failures a client must survive (API-FACTS f.3). Each fault can be limited
 * to one API and to the next N matching requests; faults apply only to requests that passed the
 * request checks, i.e. they model trouble on Antom's side, not the caller's mistakes.
 */
import { z } from 'zod';
import { ANTOM_APIS, type AntomApiName } from '../client/call-record';

const base = {
  /** Only this API; every API when absent. */
  api: z.enum(ANTOM_APIS).optional(),
  /** The next N matching requests; unlimited when absent. */
  count: z.number().int().positive().max(1_000_000).optional(),
};

const faultSchema = z.discriminatedUnion('kind', [
  /** Wait before handling (real milliseconds, not scaled). */
  z.object({ kind: z.literal('latency'), latencyMs: z.number().int().min(0).max(120_000), ...base }),
  /** Answer an HTTP error without touching state. body: "empty", "html" (a proxy's error page) or "text". */
  z.object({ kind: z.literal('http5xx'), status: z.number().int().min(500).max(599).default(502), body: z.enum(['empty', 'html', 'text']).default('html'), ...base }),
  /** Apply the change, then destroy the socket without answering. */
  z.object({ kind: z.literal('dropAfterApply'), ...base }),
  /** Answer U / UNKNOWN_EXCEPTION without applying anything. */
  z.object({ kind: z.literal('unknownException'), ...base }),
  /** Apply and answer normally, but without signature / response-time headers. */
  z.object({ kind: z.literal('missingSignature'), ...base }),
  /** Apply and answer with a signature that does not verify: made with another key, or over a changed body. */
  z.object({ kind: z.literal('wrongSignature'), mode: z.enum(['otherKey', 'changedBody']).default('changedBody'), ...base }),
]);

export type FaultSpec = z.infer<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;
type FaultKind = FaultSpec['kind'];

const faultListSchema = z.union([faultSchema, z.array(faultSchema), z.object({ faults: z.array(faultSchema) })]);

export function normaliseFaults(input: unknown): FaultSpec[] {
  const parsed = faultListSchema.parse(input);
  if (Array.isArray(parsed)) return parsed;
  if ('faults' in parsed) return parsed.faults;
  return [parsed];
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** The faults that fire for one request, at most one of each kind. */
type FiredFaults = Partial<{ [K in FaultKind]: Extract<FaultSpec, { kind: K }> }>;

export class FaultBox {
  private active: ActiveFault[] = [];

  set(faults: FaultSpec[]): void {
    this.active = faults.map((spec) => ({ spec, remaining: spec.count ?? Infinity }));
  }

  add(faults: FaultSpec[]): void {
    for (const spec of faults) this.active.push({ spec, remaining: spec.count ?? Infinity });
  }

  clear(): void {
    this.active = [];
  }

  list(): Array<FaultSpec & { remaining: number | null }> {
    return this.active.map((a) => ({ ...a.spec, remaining: Number.isFinite(a.remaining) ? a.remaining : null }));
  }

  /** Take (and count down) the faults matching this request. */
  take(api: AntomApiName): FiredFaults {
    const fired: FiredFaults = {};
    for (const fault of this.active) {
      if (fault.remaining <= 0) continue;
      if (fault.spec.api !== undefined && fault.spec.api !== api) continue;
      if (fired[fault.spec.kind]) continue;
      fault.remaining -= 1;
      (fired as Record<string, FaultSpec>)[fault.spec.kind] = fault.spec;
    }
    this.active = this.active.filter((f) => f.remaining > 0);
    return fired;
  }
}

export function http5xxBody(kind: 'empty' | 'html' | 'text', status: number): { contentType: string | undefined; body: string } {
  switch (kind) {
    case 'empty':
      return { contentType: undefined, body: '' };
    case 'text':
      return { contentType: 'text/plain', body: `upstream error ${status}` };
    case 'html':
      return { contentType: 'text/html', body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>sandbox-gateway</center></body></html>` };
  }
}
