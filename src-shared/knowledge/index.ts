/** The code knowledge base: Antom result codes and client-SDK event codes with next actions. */
export type { CodeEntry, CodeExplanation, CodeField, KnowledgeApi, KnowledgeScope, RetryGuidance } from './knowledge-types';
export { ALL_CODE_ENTRIES, entriesForCode, explainResultCode, explainSdkEventCode, isKnownCode } from './explain-code';
export { findCodesInText, searchKnowledge, type CodeMention } from './find-codes';
