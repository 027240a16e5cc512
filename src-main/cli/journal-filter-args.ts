/** CLI flags for the journal filters, shared by list and export commands. */
import { ConsoleError } from '../../src-shared/errors';
import type { CallFilter, NotificationFilter } from '../../src-shared/journal-views';
import {
  ANTOM_APIS, CALL_TRIGGERS, NOTIFICATION_VERIFICATIONS, NOTIFY_TYPES, REJECT_REASONS, RESPONSE_SIGNATURE_LABELS, RESULT_STATUS_FILTERS,
} from '../../src-shared/vocabulary';
import { flag, optionalString, type ParsedCommandArgs } from './cli-args';

export const FILTER_OPTIONS = {
  since: { type: 'string' }, until: { type: 'string' }, id: { type: 'string' }, text: { type: 'string' },
  profile: { type: 'string' }, 'result-code': { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' },
  // notifications
  type: { type: 'string' }, verification: { type: 'string' }, 'reject-reason': { type: 'string' },
  acknowledged: { type: 'boolean' }, unacknowledged: { type: 'boolean' }, status: { type: 'string' },
  // calls
  api: { type: 'string' }, 'result-status': { type: 'string' }, signature: { type: 'string' }, trigger: { type: 'string' },
} as const;

export const FILTER_USAGE = '[--since ISO] [--until ISO] [--id ANY_ID] [--text WORDS] [--profile NAME] [--result-code CODE] [--limit N] [--cursor C]';

function isoArg(args: ParsedCommandArgs, name: string): string | undefined {
  const value = optionalString(args, name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ConsoleError('VALIDATION_FAILED', `--${name} "${value}" is not a date.`, `Use ISO-8601, e.g. --${name} 2026-11-22T00:00:00Z.`);
  return new Date(ms).toISOString();
}

function listArg<T extends string>(args: ParsedCommandArgs, name: string, allowed: readonly T[]): T[] | undefined {
  const value = optionalString(args, name);
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new ConsoleError('VALIDATION_FAILED', `--${name} "${item}" is not one of ${allowed.join(', ')}.`, `Pass one or more of: ${allowed.join(', ')} (comma-separated).`);
  }
  return items as T[];
}

function common(args: ParsedCommandArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const since = isoArg(args, 'since');
  const until = isoArg(args, 'until');
  if (since) out.since = since;
  if (until) out.until = until;
  for (const [flagName, key] of [['id', 'anyId'], ['text', 'text'], ['profile', 'profile'], ['result-code', 'resultCode']] as const) {
    const v = optionalString(args, flagName);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function notificationFilterFromArgs(args: ParsedCommandArgs): NotificationFilter {
  const filter = common(args) as NotificationFilter;
  const types = listArg(args, 'type', NOTIFY_TYPES);
  if (types) filter.notifyType = types;
  const verification = listArg(args, 'verification', NOTIFICATION_VERIFICATIONS);
  if (verification) filter.verification = verification[0]!;
  const reasons = listArg(args, 'reject-reason', REJECT_REASONS);
  if (reasons) filter.rejectReason = reasons;
  if (flag(args, 'acknowledged')) filter.acknowledged = true;
  if (flag(args, 'unacknowledged')) filter.acknowledged = false;
  const status = optionalString(args, 'status');
  if (status) filter.status = status;
  return filter;
}

export function callFilterFromArgs(args: ParsedCommandArgs): CallFilter {
  const filter = common(args) as CallFilter;
  const apis = listArg(args, 'api', ANTOM_APIS);
  if (apis) filter.api = apis;
  const status = listArg(args, 'result-status', RESULT_STATUS_FILTERS);
  if (status) filter.resultStatus = status[0]!;
  const signature = listArg(args, 'signature', RESPONSE_SIGNATURE_LABELS);
  if (signature) filter.responseSignature = signature[0]!;
  const trigger = listArg(args, 'trigger', CALL_TRIGGERS);
  if (trigger) filter.trigger = trigger[0]!;
  return filter;
}

export function pageFromArgs(args: ParsedCommandArgs): { limit?: number; cursor?: string } {
  const page: { limit?: number; cursor?: string } = {};
  const limit = optionalString(args, 'limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500) throw new ConsoleError('VALIDATION_FAILED', `--limit must be 1..500, got "${limit}".`, 'Page through more with --cursor.');
    page.limit = n;
  }
  const cursor = optionalString(args, 'cursor');
  if (cursor) page.cursor = cursor;
  return page;
}
