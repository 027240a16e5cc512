/**
 * The two dispute notifications Antom sends, as typed views (issue 8 §3). Pure: no I/O, no clock.
 * Used by the receiver to classify and index them, and by anything that reads a stored body
 * (the timeline, the disputes dashboard) through `readDisputeNotification`.
 *
 * Fields as Antom's API reference lists them (docs.antom.com/ac/ams/notify_dispute and
 * .../notifyDefenseDocument; the official Python SDK's AlipayDisputeNotify reads the same names):
 *  - notifyDispute: paymentRequestId, disputeId, paymentId (all REQUIRED), disputeTime,
 *    disputeAmount, disputeNotificationType (REQUIRED), disputeReasonMsg, disputeJudgedTime,
 *    disputeJudgedAmount, disputeJudgedResult, defenseDueTime, disputeReasonCode, disputeSource,
 *    arn, disputeAcceptReason, disputeAcceptTime, disputeType, defendable, captureId,
 *    autoDefendReason. The body carries no notifyType: it is recognised by disputeId together
 *    with disputeNotificationType.
 *  - notifyDefenseDocument: disputeId, notifyTime, defenseFile (REQUIRED; fileName, fileMd5,
 *    fileFormat: the file itself is fetched with downloadDisputeEvidence), winRateLevel,
 *    recommendedEvidence, suggestionsForImprovement. disputeId + notifyTime name one logical
 *    event: Antom's resends reuse the notifyTime.
 * Antom sends every scalar as a string ("true", "20"); `defendable` is read from either form
 * because Antom's own dispute guide shows it as a JSON boolean.
 */

/** disputeNotificationType values in Antom's reference (and the Python SDK's enum). */
export const DISPUTE_NOTIFICATION_TYPES = [
  'DISPUTE_CREATED', // a dispute occurred; funds are frozen
  'DISPUTE_JUDGED', // liability decided: see disputeJudgedResult
  'DISPUTE_CANCELLED', // the buyer cancelled the dispute
  'DEFENSE_SUPPLIED', // the merchant's defense documents were submitted
  'DEFENSE_DUE_ALERT', // the defense is due within 24 hours of defenseDueTime
  'DISPUTE_ACCEPTED', // the merchant accepted the dispute (the Python SDK's enum)
  'RDR_RESOLVED', // resolved through Rapid Dispute Resolution
] as const;
type DisputeNotificationType = (typeof DISPUTE_NOTIFICATION_TYPES)[number];

// disputeJudgedResult values: DISPUTE_JUDGED_RESULTS in src-shared/vocabulary.ts.

/** Money as Antom sends it: value in minor units (a string), ISO currency. */
interface DisputeAmount {
  value: string;
  currency: string;
}

interface DisputeNotificationView {
  kind: 'dispute';
  disputeId: string;
  paymentId: string | undefined;
  paymentRequestId: string | undefined;
  captureId: string | undefined;
  /** As sent; `knownNotificationType` says whether it is one of DISPUTE_NOTIFICATION_TYPES. */
  disputeNotificationType: string;
  knownNotificationType: boolean;
  disputeTime: string | undefined;
  disputeAmount: DisputeAmount | undefined;
  disputeReasonCode: string | undefined;
  disputeReasonMsg: string | undefined;
  /** The deadline for a defense (sent with DISPUTE_CREATED and DEFENSE_DUE_ALERT). */
  defenseDueTime: string | undefined;
  defendable: boolean | undefined;
  disputeType: string | undefined;
  disputeSource: string | undefined;
  arn: string | undefined;
  disputeJudgedTime: string | undefined;
  disputeJudgedAmount: DisputeAmount | undefined;
  /** As sent; undefined unless judged. */
  disputeJudgedResult: string | undefined;
  disputeAcceptReason: string | undefined;
  disputeAcceptTime: string | undefined;
  autoDefendReason: string | undefined;
}

interface DefenseFileView {
  fileName: string | undefined;
  fileMd5: string | undefined;
  fileFormat: string | undefined;
}

interface DefenseDocumentNotificationView {
  kind: 'defense-document';
  disputeId: string;
  notifyTime: string | undefined;
  defenseFile: DefenseFileView;
  winRateLevel: string | undefined;
  /** Evidence label -> what to add. */
  recommendedEvidence: Record<string, string>;
  suggestionsForImprovement: string | undefined;
}

type AnyDisputeNotificationView = DisputeNotificationView | DefenseDocumentNotificationView;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function amount(obj: JsonObject, key: string): DisputeAmount | undefined {
  const value = obj[key];
  if (!isObject(value)) return undefined;
  const v = str(value, 'value');
  const c = str(value, 'currency');
  return v !== undefined && c !== undefined ? { value: v, currency: c } : undefined;
}

function bool(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function isKnownDisputeNotificationType(value: string): value is DisputeNotificationType {
  return (DISPUTE_NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** A notifyDispute body, or undefined when `body` is not one (no disputeId or no disputeNotificationType). */
export function parseDisputeNotification(body: unknown): DisputeNotificationView | undefined {
  if (!isObject(body)) return undefined;
  const disputeId = str(body, 'disputeId');
  const type = str(body, 'disputeNotificationType');
  if (disputeId === undefined || type === undefined) return undefined;
  return {
    kind: 'dispute',
    disputeId,
    paymentId: str(body, 'paymentId'),
    paymentRequestId: str(body, 'paymentRequestId'),
    captureId: str(body, 'captureId'),
    disputeNotificationType: type,
    knownNotificationType: isKnownDisputeNotificationType(type),
    disputeTime: str(body, 'disputeTime'),
    disputeAmount: amount(body, 'disputeAmount'),
    disputeReasonCode: str(body, 'disputeReasonCode'),
    disputeReasonMsg: str(body, 'disputeReasonMsg'),
    defenseDueTime: str(body, 'defenseDueTime'),
    defendable: bool(body, 'defendable'),
    disputeType: str(body, 'disputeType'),
    disputeSource: str(body, 'disputeSource'),
    arn: str(body, 'arn'),
    disputeJudgedTime: str(body, 'disputeJudgedTime'),
    disputeJudgedAmount: amount(body, 'disputeJudgedAmount'),
    disputeJudgedResult: str(body, 'disputeJudgedResult'),
    disputeAcceptReason: str(body, 'disputeAcceptReason'),
    disputeAcceptTime: str(body, 'disputeAcceptTime'),
    autoDefendReason: str(body, 'autoDefendReason'),
  };
}

/** A notifyDefenseDocument body, or undefined when `body` is not one (no disputeId or no defenseFile object). */
export function parseDefenseDocumentNotification(body: unknown): DefenseDocumentNotificationView | undefined {
  if (!isObject(body)) return undefined;
  const disputeId = str(body, 'disputeId');
  const file = body.defenseFile;
  if (disputeId === undefined || !isObject(file)) return undefined;
  const recommended: Record<string, string> = {};
  if (isObject(body.recommendedEvidence)) {
    for (const [label, text] of Object.entries(body.recommendedEvidence)) if (typeof text === 'string') recommended[label] = text;
  }
  return {
    kind: 'defense-document',
    disputeId,
    notifyTime: str(body, 'notifyTime'),
    defenseFile: { fileName: str(file, 'fileName'), fileMd5: str(file, 'fileMd5'), fileFormat: str(file, 'fileFormat') },
    winRateLevel: str(body, 'winRateLevel'),
    recommendedEvidence: recommended,
    suggestionsForImprovement: str(body, 'suggestionsForImprovement'),
  };
}

/** Either dispute notification from parsed JSON (notifyDispute is tried first). */
function disputeNotificationOf(body: unknown): AnyDisputeNotificationView | undefined {
  return parseDisputeNotification(body) ?? parseDefenseDocumentNotification(body);
}

/** The same from stored bytes (a journal row's body); undefined for anything else, including non-JSON. */
export function readDisputeNotification(raw: Buffer | string): AnyDisputeNotificationView | undefined {
  try {
    return disputeNotificationOf(JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8')));
  } catch {
    return undefined;
  }
}

/** One line a support agent can read aloud, e.g. "DISPUTE_CREATED, reason 10.4 (Fraud), defend by 2026-12-01T10:00:00Z". */
export function describeDisputeNotification(view: AnyDisputeNotificationView): string {
  if (view.kind === 'defense-document') {
    const file = [view.defenseFile.fileName, view.defenseFile.fileFormat].filter(Boolean).join(', ');
    return [`defense document ready for dispute ${view.disputeId}`, file ? `(${file})` : undefined, view.winRateLevel ? `win rate ${view.winRateLevel}` : undefined].filter(Boolean).join(' ');
  }
  const reason = view.disputeReasonCode || view.disputeReasonMsg
    ? `reason ${[view.disputeReasonCode, view.disputeReasonMsg ? `(${view.disputeReasonMsg})` : undefined].filter(Boolean).join(' ')}`
    : undefined;
  return [
    `dispute ${view.disputeId} ${view.disputeNotificationType}`,
    view.disputeJudgedResult ? `judged ${view.disputeJudgedResult}` : undefined,
    reason,
    view.defenseDueTime ? `defend by ${view.defenseDueTime}` : undefined,
  ].filter(Boolean).join(', ');
}
