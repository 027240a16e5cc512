/**
 * Find known codes in pasted text (a log line, a JSON response, a notification) and free-text
 * search over the knowledge base, for the troubleshoot dashboard and the CLI.
 */
import { ALL_CODE_ENTRIES, entriesForCode, explainResultCode, explainSdkEventCode } from './explain-code';
import type { CodeExplanation, CodeField, KnowledgeApi } from './knowledge-types';
import { ANTOM_APIS } from '../vocabulary';

export interface CodeMention {
  code: string;
  /** Offset of the first mention in the text. */
  index: number;
  /** The JSON key or log label the code followed, when it could be seen (e.g. "resultCode"). */
  label: string | undefined;
  explanation: CodeExplanation;
}

const API_IN_TEXT = new RegExp(`/payments/(${ANTOM_APIS.join('|')})\\b`);
const CODE_TOKEN = /[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|\bSUCCESS\b/g;
const LABEL_BEFORE = /["']?([A-Za-z]+)["']?\s*[:=]\s*["']?$/;

function fieldForLabel(label: string | undefined): CodeField {
  switch (label) {
    case 'paymentResultCode':
      return 'paymentResultCode';
    case 'transactionResult':
      return 'transactionResult';
    case 'disputeNotificationType':
      return 'disputeNotificationType';
    case 'disputeJudgedResult':
      return 'disputeJudgedResult';
    case 'code':
    case 'eventCode':
      return 'eventCode';
    default:
      return 'result';
  }
}

/**
 * Every known code mentioned in `text`, once each, in order of first mention. The API is taken
 * from an Antom path in the text when there is one, so "capture ... UNKNOWN_EXCEPTION" gets the
 * capture advice rather than the generic one. `api` overrides that guess.
 */
export function findCodesInText(text: string, api?: KnowledgeApi): CodeMention[] {
  const guessedApi = api ?? (API_IN_TEXT.exec(text)?.[1] as KnowledgeApi | undefined);
  const seen = new Set<string>();
  const mentions: CodeMention[] = [];
  for (const match of text.matchAll(CODE_TOKEN)) {
    const code = match[0];
    if (seen.has(code) || entriesForCode(code).length === 0) continue;
    seen.add(code);
    const index = match.index ?? 0;
    const label = LABEL_BEFORE.exec(text.slice(Math.max(0, index - 40), index))?.[1];
    const field = fieldForLabel(label);
    const explanation = code.startsWith('SDK_')
      ? explainSdkEventCode(code)
      : field === 'disputeNotificationType' || field === 'disputeJudgedResult'
        ? explainResultCode(code, 'notifyDispute', field) // these fields only exist in notifyDispute, whatever path is in the text
        : explainResultCode(code, guessedApi, field === 'eventCode' ? 'result' : field);
    mentions.push({ code, index, label, explanation });
  }
  return mentions;
}

interface KnowledgeHit {
  entry: (typeof ALL_CODE_ENTRIES)[number];
  score: number;
}

/**
 * Free-text search: every word of the query must appear in the code, meaning, next action or
 * API list. Exact code matches rank first, then code matches, then text matches.
 */
export function searchKnowledge(query: string, limit = 20): KnowledgeHit[] {
  const words = query.toLowerCase().split(/[\s,]+/).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const whole = query.trim().toUpperCase();
  const hits: KnowledgeHit[] = [];
  for (const entry of ALL_CODE_ENTRIES) {
    const code = entry.code.toLowerCase();
    const haystack = `${code} ${code.replace(/_/g, ' ')} ${entry.meaning} ${entry.nextAction} ${entry.apis.join(' ')} ${entry.note ?? ''}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    let score = 1;
    if (entry.code === whole) score = 100;
    else if (words.every((w) => code.includes(w.replace(/ /g, '_')))) score = 10;
    hits.push({ entry, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
