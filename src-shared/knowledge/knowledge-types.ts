/**
 * Shapes of the code knowledge base: what a result code or client-SDK event code means and
 * what an operator should do next. Pure data types, shared by the client (to explain every
 * outcome), the troubleshoot dashboard and the CLI.
 */
import type { AntomApiName, ResultStatus } from '../vocabulary';

/** Where a code can appear: the APIs, the notifications, and the client SDK. */
export type KnowledgeScope =
  | 'common'
  | AntomApiName
  | 'notifyPayment'
  | 'notifyCapture'
  | 'notifyRefund'
  | 'notifyDispute'
  | 'notifyDefenseDocument'
  | 'client-sdk';

/** The server APIs an explanation can be asked for: the vocabulary's AntomApiName (payment and dispute APIs). */
export type KnowledgeApi = AntomApiName;

/**
 * api-result: result.resultCode of a call; payment-result: a payment's or transaction's own
 * result; sdk-event: a client SDK event code; dispute-value: the enumerated values a
 * notifyDispute carries (disputeNotificationType, disputeJudgedResult), which ops staff meet
 * in the same places as codes.
 */
type CodeKind = 'api-result' | 'payment-result' | 'sdk-event' | 'dispute-value';

/**
 * Which field carries the code: `result.resultCode` of a call, `paymentResultCode` of an
 * inquiry / notifyPayment, `transactions[].transactionResult`, a refund's own result, or an
 * SDK `eventCode`. The same word can mean different things in different fields.
 */
export type CodeField =
  | 'result'
  | 'paymentResultCode'
  | 'transactionResult'
  | 'refundResult'
  | 'eventCode'
  | 'disputeNotificationType'
  | 'disputeJudgedResult';

export type RetryGuidance =
  | 'same-request-id'
  | 'new-request-id'
  | 'inquire'
  | 'do-not-retry'
  | 'wait-for-notification'
  | 'fix-request'
  | 'none';

/**
 * Source tags from API-FACTS.md section 0 (e.g. D-CAP, S-WEB), the API-FACTS section, a seed
 * page ("seed 003" = ../shared/antom/docs/003_*.txt) or an Antom reference URL.
 */
type SourceTag = string;

/** What one Antom page says about a code, kept when the pages disagree. */
export interface PageStatement {
  /** The page, e.g. "seed 003 (Card payments Web/WAP, event code table)" or a docs URL. */
  page: string;
  says: string;
}

export interface CodeEntry {
  code: string;
  kind: CodeKind;
  field: CodeField;
  /** Where this entry applies. 'common' entries are the fallback for every API. */
  apis: readonly KnowledgeScope[];
  resultStatus: ResultStatus | undefined;
  meaning: string;
  /** What an operator should do next: concrete, paraphrased from the docs. */
  nextAction: string;
  retry: RetryGuidance;
  sources: readonly SourceTag[];
  /** Set when the same code means something else elsewhere, or the docs disagree. */
  note?: string;
  /** When Antom's pages disagree: which page says what (the entry follows the API reference). */
  pagesDisagree?: readonly PageStatement[];
  /** Other spellings seen for the same condition (e.g. SIGNATURE_INVALID for INVALID_SIGNATURE). */
  aliases?: readonly string[];
  /** SDK events only: which client SDKs emit it. */
  platforms?: readonly ('web' | 'android' | 'ios')[];
  /** SDK events only: status, error or payment-result group of API-FACTS e. */
  sdkGroup?: 'status' | 'error' | 'payment-result' | 'web-only';
}

/** What lookups return: the entry plus whether it was API-specific, common, or unknown. */
export interface CodeExplanation extends CodeEntry {
  match: 'api-specific' | 'common' | 'other-context' | 'unknown';
  /** Other entries for the same code whose meaning differs (shown as "elsewhere it means ..."). */
  otherMeanings: readonly { apis: readonly KnowledgeScope[]; field: CodeField; meaning: string; retry: RetryGuidance }[];
}
