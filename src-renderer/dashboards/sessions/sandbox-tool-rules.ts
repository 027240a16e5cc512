/**
 * The sandbox tools' form rules, pure so they are tested without a page: what the fields say as a
 * fault or a clock jump, and why the page will not send them yet (the same bounds the contract
 * checks in main).
 */
import { SANDBOX_CLOCK_MAX_MINUTES, type SandboxFaultInput } from '../../../src-shared/sandbox-tools';
import type { AntomApiName, SandboxFaultKind } from '../../../src-shared/vocabulary';

export interface FaultFields {
  kind: SandboxFaultKind;
  api: AntomApiName | '';
  countText: string;
  latencyText: string;
  statusText: string;
  mode: 'changedBody' | 'otherKey';
}

/** A whole number from a text field, or undefined when it is not one. */
function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The fault the fields describe, or per field why not. */
export function readFault(f: FaultFields): { fault: SandboxFaultInput } | { errors: Partial<Record<'count' | 'latency' | 'status', string>> } {
  const errors: Partial<Record<'count' | 'latency' | 'status', string>> = {};
  const count = f.countText.trim() === '' ? undefined : wholeNumber(f.countText);
  if (f.countText.trim() !== '' && (count === undefined || count < 1 || count > 1000)) errors.count = 'A whole number from 1 to 1000, or empty for every request until cleared.';
  const latencyMs = wholeNumber(f.latencyText) ?? 0;
  if (f.kind === 'latency' && (latencyMs < 1 || latencyMs > 120_000)) errors.latency = 'Milliseconds from 1 to 120000.';
  const status = wholeNumber(f.statusText) ?? 0;
  if (f.kind === 'http5xx' && (status < 500 || status > 599)) errors.status = 'An HTTP status from 500 to 599.';
  if (Object.keys(errors).length > 0) return { errors };
  const scope = { ...(f.api ? { api: f.api } : {}), ...(count !== undefined ? { count } : {}) };
  switch (f.kind) {
    case 'latency': return { fault: { kind: 'latency', latencyMs, ...scope } };
    case 'http5xx': return { fault: { kind: 'http5xx', status, ...scope } };
    case 'wrongSignature': return { fault: { kind: 'wrongSignature', mode: f.mode, ...scope } };
    default: return { fault: { kind: f.kind, ...scope } };
  }
}

/** A clock jump from the fields, or why not: at least 1, at most 366 days. */
export function readClockJump(amountText: string, unit: 'minutes' | 'hours'): { amount: number; unit: 'minutes' | 'hours' } | { error: string } {
  const amount = wholeNumber(amountText);
  if (amount === undefined || amount < 1 || amount * (unit === 'hours' ? 60 : 1) > SANDBOX_CLOCK_MAX_MINUTES) return { error: 'A whole number, at most 366 days in one jump.' };
  return { amount, unit };
}
