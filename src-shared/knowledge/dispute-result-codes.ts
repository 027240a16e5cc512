/**
 * Result codes of the three dispute APIs, as listed in the "Result/Error codes" tables of
 * Antom's API reference (docs.antom.com/ac/ams/accept, /supply_evidence, /download). Codes
 * the tables do not list are not invented here: an unknown dispute ID, for instance, has no
 * documented code of its own (the embedded sandbox answers PARAM_ILLEGAL for it, see
 * docs/sandbox-scenarios.md).
 */
import type { CodeEntry, KnowledgeScope } from './knowledge-types';

const ACCEPT = ['https://docs.antom.com/ac/ams/accept'];
const SUPPLY = ['https://docs.antom.com/ac/ams/supply_evidence'];
const DOWNLOAD = ['https://docs.antom.com/ac/ams/download'];

const entry = (apis: readonly KnowledgeScope[], code: string, resultStatus: 'S' | 'F' | 'U', meaning: string, nextAction: string, retry: CodeEntry['retry'], sources: readonly string[], extra: Partial<CodeEntry> = {}): CodeEntry =>
  ({ code, kind: 'api-result', field: 'result', apis, resultStatus, meaning, nextAction, retry, sources, ...extra });

export const DISPUTE_RESULT_CODES: readonly CodeEntry[] = [
  entry(['acceptDispute'], 'SUCCESS', 'S', 'The dispute is accepted: the merchant takes the loss and will not defend it.', 'Nothing more to do; disputeResolutionTime says when it was accepted. The disputed amount goes back to the buyer.', 'none', ACCEPT),
  entry(['supplyDefenseDocument'], 'SUCCESS', 'S', 'The defense document was uploaded.', 'Wait for notifyDispute: DEFENSE_SUPPLIED now, DISPUTE_JUDGED with the result later.', 'wait-for-notification', SUPPLY),
  entry(['downloadDisputeEvidence'], 'SUCCESS', 'S', 'The evidence was downloaded.', 'Decode disputeEvidence (Base64); disputeEvidenceFormat says whether it is WORD, PDF, ZIP or JPG.', 'none', DOWNLOAD),
  entry(['acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence'], 'PARAM_ILLEGAL', 'F', 'A parameter is missing or not valid (for example a wrong disputeId or disputeEvidenceType).', 'Check disputeId (as notifyDispute gave it) and the other fields, then send again.', 'fix-request', [...ACCEPT, ...SUPPLY, ...DOWNLOAD]),
  entry(['acceptDispute', 'supplyDefenseDocument'], 'REPEAT_REQUEST', 'F', 'The dispute was already accepted or defended; a dispute takes one answer.', 'Do not send it again. Contact Antom Technical Support to learn the dispute status.', 'do-not-retry', [...ACCEPT, ...SUPPLY]),
  entry(['acceptDispute', 'supplyDefenseDocument'], 'TIME_EXCEEDS_LIMIT', 'F', 'The defense period is over (past defenseDueTime): the dispute can no longer be accepted or defended.', 'Contact Antom Technical Support about the defense time limit. Watch defenseDueTime and DEFENSE_DUE_ALERT for the next dispute.', 'do-not-retry', [...ACCEPT, ...SUPPLY]),
  entry(['supplyDefenseDocument'], 'DEFENSE_EXCEED_LIMIT', 'F', 'The defense was submitted more times than allowed (compliance requests only).', 'Contact Antom Technical Support to learn the limit.', 'do-not-retry', SUPPLY),
  entry(['supplyDefenseDocument'], 'NOT_ALLOW_IN_CURRENT_STATUS', 'F', 'Material was uploaded again before the previous upload was verified (compliance requests only).', 'Wait for the verification result (DISPUTE_JUDGED VALIDATE_SUCCESS / VALIDATE_FAIL); contact Antom Technical Support if it does not come.', 'wait-for-notification', SUPPLY),
  entry(['acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence'], 'UNKNOWN_EXCEPTION', 'U', 'The call failed for an unknown reason.', 'Call the API again with the same body; if it keeps failing, contact Antom Technical Support.', 'same-request-id', [...ACCEPT, ...SUPPLY, ...DOWNLOAD]),
];
