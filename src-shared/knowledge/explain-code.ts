/**
 * Lookups over the code knowledge base. The precedence is what an operator needs: the entry for
 * the API (and field) the code came from, else the common meaning, else whatever else we know
 * about the word, else an explicit "unknown code" entry that sends them to the Antom docs.
 */
import { API_RESULT_CODES } from './api-result-codes';
import { COMMON_RESULT_CODES } from './common-result-codes';
import { DISPUTE_CODES } from './dispute-codes';
import type { CodeEntry, CodeExplanation, CodeField, KnowledgeApi, KnowledgeScope } from './knowledge-types';
import { PAYMENT_RESULT_CODES } from './payment-result-codes';
import { SDK_EVENT_CODES } from './sdk-event-codes';

export const ALL_CODE_ENTRIES: readonly CodeEntry[] = [...API_RESULT_CODES, ...DISPUTE_CODES, ...COMMON_RESULT_CODES, ...PAYMENT_RESULT_CODES, ...SDK_EVENT_CODES];

const byCode = new Map<string, CodeEntry[]>();
for (const entry of ALL_CODE_ENTRIES) {
  const list = byCode.get(entry.code) ?? [];
  list.push(entry);
  byCode.set(entry.code, list);
}

export function isKnownCode(code: string): boolean {
  return byCode.has(code.trim().toUpperCase());
}

/** Every entry for a code, API-specific first. */
export function entriesForCode(code: string): readonly CodeEntry[] {
  return byCode.get(code.trim().toUpperCase()) ?? [];
}

function explain(entry: CodeEntry, match: CodeExplanation['match']): CodeExplanation {
  const others = entriesForCode(entry.code).filter((other) => other !== entry && other.meaning !== entry.meaning);
  return {
    ...entry,
    match,
    otherMeanings: others.map((o) => ({ apis: o.apis, field: o.field, meaning: o.meaning, retry: o.retry })),
  };
}

function unknownEntry(code: string, kind: CodeEntry['kind'], field: CodeField, api: KnowledgeScope | undefined): CodeExplanation {
  return {
    code,
    kind,
    field,
    apis: api ? [api] : [],
    resultStatus: undefined,
    meaning: `"${code}" is not in the console's code knowledge base (built from Antom docs of 2024 and the official SDKs; newer codes may be missing).`,
    nextAction: kind === 'sdk-event'
      ? 'Look the code up in the Antom client SDK reference (docs.antom.com/ac/sdks/ref) and log the full event result.'
      : 'Look the code up on the Antom API page for this call (docs.antom.com) and read resultMessage; trust resultStatus: S done, F failed, U unknown (inquire before acting).',
    retry: 'none',
    sources: [],
    match: 'unknown',
    otherMeanings: [],
  };
}

/**
 * Explain a result code. `api` picks the API-specific meaning; `field` says whether the code
 * came from result.resultCode (default), paymentResultCode, a transaction or a refund result.
 */
export function explainResultCode(code: string, api?: KnowledgeApi | KnowledgeScope, field: CodeField = 'result'): CodeExplanation {
  const normalised = code.trim().toUpperCase();
  const entries = entriesForCode(normalised).filter((e) => e.kind !== 'sdk-event');
  if (api) {
    const exact = entries.find((e) => e.field === field && e.apis.includes(api));
    if (exact) return explain(exact, 'api-specific');
    // A refund's own result codes are the refund API's result codes (API-FACTS c.6).
    if (field === 'refundResult') {
      const refund = entries.find((e) => e.field === 'result' && e.apis.includes('refund'));
      if (refund) return explain(refund, 'api-specific');
    }
  } else {
    const sameField = entries.filter((e) => e.field === field && !e.apis.includes('common'));
    // Without an API, a code with a single specific meaning in this field is still specific.
    if (sameField.length === 1 && sameField[0]) return explain(sameField[0], 'api-specific');
  }
  const common = entries.find((e) => e.apis.includes('common'));
  if (common) return explain(common, 'common');
  const anyField = entries.find((e) => e.field === field) ?? entries[0];
  if (anyField) return explain(anyField, 'other-context');
  const kind = field === 'result' ? 'api-result' : field === 'disputeNotificationType' || field === 'disputeJudgedResult' ? 'dispute-value' : 'payment-result';
  return unknownEntry(normalised, kind, field, api);
}

export function explainSdkEventCode(code: string): CodeExplanation {
  const normalised = code.trim().toUpperCase();
  const entry = entriesForCode(normalised).find((e) => e.kind === 'sdk-event');
  return entry ? explain(entry, 'api-specific') : unknownEntry(normalised, 'sdk-event', 'eventCode', 'client-sdk');
}
