/**
 * The embedded sandbox's integrator tools as the console offers them (issue 9 §4): inject a
 * fault, clear faults, advance the sandbox clock, have the sandbox send a payment's notification
 * again. Input schemas (the contract uses them) and the views the handlers answer with.
 *
 * Pure: zod and the shared vocabulary only, so the contract and the page can both import it.
 */
import { z } from 'zod';
import { ANTOM_APIS, SANDBOX_TEST_NOTIFY_TYPES, type AntomApiName, type SandboxFaultKind, type SandboxTestNotifyType } from './vocabulary';
import { ALL_CODE_ENTRIES, type CodeEntry } from './knowledge';

const faultScope = {
  /** Only this API; every API when absent. */
  api: z.enum(ANTOM_APIS).optional(),
  /** The next N matching requests; every one until cleared when absent. */
  count: z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
};

/** One fault to inject. Mirrors the sandbox's own fault schema, bounded for a person's input. */
export const sandboxFaultInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), latencyMs: z.number().int().min(1, 'must be at least 1 ms').max(120_000, 'must be at most 120000 ms (2 minutes)'), ...faultScope }).strict(),
  z.object({ kind: z.literal('http5xx'), status: z.number().int().min(500, 'must be 500-599').max(599, 'must be 500-599').optional(), body: z.enum(['empty', 'html', 'text']).optional(), ...faultScope }).strict(),
  z.object({ kind: z.literal('dropAfterApply'), ...faultScope }).strict(),
  z.object({ kind: z.literal('unknownException'), ...faultScope }).strict(),
  z.object({ kind: z.literal('missingSignature'), ...faultScope }).strict(),
  z.object({ kind: z.literal('wrongSignature'), mode: z.enum(['otherKey', 'changedBody']).optional(), ...faultScope }).strict(),
]);
export type SandboxFaultInput = z.infer<typeof sandboxFaultInputSchema>;

/** The contract's kinds and the vocabulary's must be the same words. */
const kindsAgree: [Exclude<SandboxFaultKind, SandboxFaultInput['kind']>, Exclude<SandboxFaultInput['kind'], SandboxFaultKind>] extends [never, never] ? true : false = true;
void kindsAgree;

/** One jump of the sandbox clock: at most 366 days (the sandbox's own bound per jump). */
export const SANDBOX_CLOCK_MAX_MINUTES = 366 * 24 * 60;
const SANDBOX_CLOCK_UNITS = ['minutes', 'hours'] as const;

export const advanceSandboxClockSchema = z.object({
  amount: z.number().int().min(1, 'must be at least 1'),
  unit: z.enum(SANDBOX_CLOCK_UNITS),
}).strict().refine((v) => v.amount * (v.unit === 'hours' ? 60 : 1) <= SANDBOX_CLOCK_MAX_MINUTES, {
  message: 'must be at most 366 days in one jump',
  path: ['amount'],
});

export const sendSandboxTestNotificationSchema = z.object({
  /** The payment's paymentId or paymentRequestId. */
  id: z.string().trim().min(1, 'is required').max(64),
  notifyType: z.enum(SANDBOX_TEST_NOTIFY_TYPES),
}).strict();

export interface SandboxFaultView {
  kind: SandboxFaultKind;
  api: AntomApiName | null;
  /** How many more matching requests it fires for; null = until cleared. */
  remaining: number | null;
  /** What else shapes it, in words (e.g. "2000 ms", "HTTP 503, html body"). */
  detail: string;
}

export interface SandboxClockView {
  /** Sandbox "now" (ISO, seconds). */
  now: string;
  /** How far advancing has moved it ahead of the wall clock, in ms. */
  offsetMs: number;
  /** 1 = real time; larger runs Antom's delays faster. */
  timeScale: number;
}

export interface SandboxTestNotificationResult {
  notificationId: string;
  notifyType: SandboxTestNotifyType;
  paymentId: string;
  url: string | null;
  httpStatus: number | null;
  acknowledged: boolean;
  error: string | null;
}

/** A buyer outcome the sandbox can play, and the paymentResultCode it ends with. */
interface BuyerResultCode {
  code: string;
  meaning: string;
}

/**
 * The codes a failing buyer can end a payment with: the knowledge base's F paymentResultCode
 * entries (each code once), so the page offers every documented failure with its meaning.
 */
export function buyerFailureCodes(entries: readonly CodeEntry[] = ALL_CODE_ENTRIES): BuyerResultCode[] {
  const seen = new Set<string>();
  const codes: BuyerResultCode[] = [];
  for (const entry of entries) {
    if (entry.field !== 'paymentResultCode' || entry.resultStatus !== 'F' || seen.has(entry.code)) continue;
    seen.add(entry.code);
    codes.push({ code: entry.code, meaning: entry.meaning });
  }
  return codes.sort((a, b) => a.code.localeCompare(b.code));
}
