/** The outcome types live in src-shared so the renderer can show them; core re-exports them. */
export type { CallOutcome, FollowUpInquiry } from '../../../src-shared/call-outcome';
