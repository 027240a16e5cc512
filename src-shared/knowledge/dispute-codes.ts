/**
 * Disputes (chargebacks): the result codes of acceptDispute, supplyDefenseDocument and
 * downloadDisputeEvidence, and the values a notifyDispute carries (disputeNotificationType,
 * disputeJudgedResult). Paraphrased from Antom's API reference pages (looked up 2026-11):
 *   docs.antom.com/ac/ams/accept, /ac/ams/supply_evidence, /ac/ams/download, /ac/ams/notify_dispute
 * Codes the tables do not list are not invented here: an unknown dispute ID has no documented
 * code of its own (the embedded sandbox answers PARAM_ILLEGAL for it, docs/sandbox-scenarios.md).
 */
import type { CodeEntry, KnowledgeScope } from './knowledge-types';
import type { ResultStatus } from '../vocabulary';

const ACCEPT = 'docs.antom.com/ac/ams/accept';
const SUPPLY = 'docs.antom.com/ac/ams/supply_evidence';
const DOWNLOAD = 'docs.antom.com/ac/ams/download';
const NOTIFY = 'docs.antom.com/ac/ams/notify_dispute';

const call = (
  apis: readonly KnowledgeScope[],
  code: string,
  resultStatus: ResultStatus,
  meaning: string,
  nextAction: string,
  retry: CodeEntry['retry'],
  sources: readonly string[],
  extra: Partial<CodeEntry> = {},
): CodeEntry => ({ code, kind: 'api-result', field: 'result', apis, resultStatus, meaning, nextAction, retry, sources, ...extra });

const value = (
  field: 'disputeNotificationType' | 'disputeJudgedResult',
  code: string,
  meaning: string,
  nextAction: string,
  retry: CodeEntry['retry'] = 'none',
  extra: Partial<CodeEntry> = {},
): CodeEntry => ({ code, kind: 'dispute-value', field, apis: ['notifyDispute'], resultStatus: undefined, meaning, nextAction, retry, sources: [NOTIFY], ...extra });

export const DISPUTE_CODES: readonly CodeEntry[] = [
  // acceptDispute
  call(['acceptDispute'], 'SUCCESS', 'S', 'The dispute was accepted: the merchant takes the loss (the response carries disputeId and disputeResolutionTime).', 'Nothing more to do; the disputed amount goes back to the buyer and notifyDispute reports the judgement.', 'none', [ACCEPT]),
  call(['acceptDispute', 'supplyDefenseDocument'], 'REPEAT_REQUEST', 'F', 'This dispute was already accepted or defended: the request repeats an earlier one.', 'Do not send it again. Check the dispute status in the console (notifyDispute history) or with Antom Technical Support. After an unknown (U) answer, REPEAT_REQUEST usually means the first request did go through.', 'do-not-retry', [ACCEPT, SUPPLY]),
  call(['acceptDispute', 'supplyDefenseDocument'], 'TIME_EXCEEDS_LIMIT', 'F', 'The defense deadline (defenseDueTime) has passed: the dispute can no longer be accepted or defended.', 'Nothing can be sent for this dispute any more; ask Antom Technical Support about the defense time limits, and watch for DISPUTE_JUDGED.', 'do-not-retry', [ACCEPT, SUPPLY]),
  call(['acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence'], 'UNKNOWN_EXCEPTION', 'U', 'The dispute call failed for an unknown reason; it may or may not have been applied.', 'Call the API again with the same disputeId (and the same document); if it keeps failing, contact Antom Technical Support. A REPEAT_REQUEST on the retry means the first call was applied.', 'same-request-id', [ACCEPT, SUPPLY, DOWNLOAD]),

  call(['acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence'], 'PARAM_ILLEGAL', 'F', 'A parameter is missing or not valid (for example a wrong disputeId or disputeEvidenceType).', 'Check disputeId (as notifyDispute gave it) and the other fields, then send again.', 'fix-request', [ACCEPT, SUPPLY, DOWNLOAD]),

  // supplyDefenseDocument
  call(['supplyDefenseDocument'], 'SUCCESS', 'S', 'The defense document was uploaded (the response carries disputeId and disputeResolutionTime).', 'Wait for notifyDispute: DEFENSE_SUPPLIED, then DISPUTE_JUDGED with the result.', 'wait-for-notification', [SUPPLY]),
  call(['supplyDefenseDocument'], 'DEFENSE_EXCEED_LIMIT', 'F', 'The defense was submitted more times than allowed (compliance retrieval requests only).', 'Do not upload again; contact Antom Technical Support to learn the limit.', 'do-not-retry', [SUPPLY]),
  call(['supplyDefenseDocument'], 'NOT_ALLOW_IN_CURRENT_STATUS', 'F', 'Material was uploaded again before the previous upload was validated (compliance retrieval requests only).', 'Wait for DISPUTE_JUDGED with VALIDATE_SUCCESS or VALIDATE_FAIL before uploading again; contact Antom Technical Support if it does not come.', 'wait-for-notification', [SUPPLY]),

  // downloadDisputeEvidence
  call(['downloadDisputeEvidence'], 'SUCCESS', 'S', 'The evidence was returned: disputeEvidence is the file in Base64, disputeEvidenceFormat says WORD, PDF, ZIP or JPG.', 'Decode the Base64 and save the file with the extension of disputeEvidenceFormat. DISPUTE_EVIDENCE_TEMPLATE is the pre-filled merchant letter to complete; DISPUTE_EVIDENCE_FILE is what was uploaded with supplyDefenseDocument.', 'none', [DOWNLOAD]),

  // notifyDispute: disputeNotificationType
  value('disputeNotificationType', 'DISPUTE_CREATED', 'A buyer raised a dispute on a payment; the disputed funds are frozen.', 'Decide before defenseDueTime: accept (acceptDispute) or defend (download the DISPUTE_EVIDENCE_TEMPLATE, complete it, upload it with supplyDefenseDocument). Check "defendable" first.'),
  value('disputeNotificationType', 'DEFENSE_DUE_ALERT', 'Antom warns that the defense deadline (defenseDueTime) is less than 24 hours away.', 'Accept or defend now; after defenseDueTime both calls answer TIME_EXCEEDS_LIMIT.'),
  value('disputeNotificationType', 'DEFENSE_SUPPLIED', 'Antom received the defense document for this dispute.', 'Wait for DISPUTE_JUDGED.', 'wait-for-notification'),
  value('disputeNotificationType', 'DISPUTE_JUDGED', 'The dispute was judged; disputeJudgedResult says who bears it and disputeJudgedAmount what is deducted.', 'Read disputeJudgedResult: ACCEPT_BY_CUSTOMER releases the frozen funds to you, ACCEPT_BY_MERCHANT releases them and deducts the amount from your settlement.'),
  value('disputeNotificationType', 'DISPUTE_CANCELLED', 'The buyer cancelled the dispute.', 'Nothing to do; the dispute is closed.'),
  value('disputeNotificationType', 'RDR_RESOLVED', 'The dispute is of the RDR (Rapid Dispute Resolution) type and was resolved that way.', 'Nothing to defend; reconcile the payment (the buyer has been refunded through RDR).'),

  // notifyDispute: disputeJudgedResult
  value('disputeJudgedResult', 'ACCEPT_BY_CUSTOMER', 'Judged in the merchant\'s favour: the buyer bears the dispute and Antom releases the frozen funds.', 'Nothing to do; the funds are yours again.'),
  value('disputeJudgedResult', 'ACCEPT_BY_MERCHANT', 'Judged against the merchant: Antom releases the frozen funds but deducts the disputed amount from the settlement to return it to the buyer.', 'Reconcile: the amount (disputeJudgedAmount) leaves your settlement.'),
  value('disputeJudgedResult', 'VALIDATE_SUCCESS', 'The material uploaded for a compliance retrieval request was validated.', 'Nothing to do.'),
  value('disputeJudgedResult', 'VALIDATE_FAIL', 'The material uploaded for a compliance retrieval request failed validation.', 'Prepare corrected material and upload it again with supplyDefenseDocument if the deadline allows; contact Antom Technical Support for the reason.', 'fix-request'),
];
