/**
 * The filter bar. Selects apply at once; typed boxes apply once typing pauses. The owner turns
 * the draft into the contract's NotificationFilter with toNotificationFilter().
 */
import { useId } from 'react';
import type { NotificationFilter, NotifyType, RejectReason } from '../../../src-shared/journal-views';
import { localInputToIso, TimeRangeFields } from '../../components/time-range-fields';
import { NOTIFY_TYPES, REJECT_REASONS, REJECT_REASON_WORDS } from './notification-words';

export interface NotificationFilterDraft {
  notifyType: NotifyType | '';
  verification: 'verified' | 'rejected' | '';
  rejectReason: RejectReason | '';
  acknowledged: 'yes' | 'no' | '';
  resultCode: string;
  anyId: string;
  text: string;
  since: string;
  until: string;
}

export const EMPTY_NOTIFICATION_FILTER: NotificationFilterDraft = {
  notifyType: '', verification: '', rejectReason: '', acknowledged: '', resultCode: '', anyId: '', text: '', since: '', until: '',
};

export function toNotificationFilter(draft: NotificationFilterDraft): NotificationFilter {
  const filter: NotificationFilter = {};
  if (draft.notifyType) filter.notifyType = draft.notifyType;
  if (draft.verification) filter.verification = draft.verification;
  if (draft.rejectReason) filter.rejectReason = draft.rejectReason;
  if (draft.acknowledged) filter.acknowledged = draft.acknowledged === 'yes';
  if (draft.resultCode.trim()) filter.resultCode = draft.resultCode.trim().toUpperCase();
  if (draft.anyId.trim()) filter.anyId = draft.anyId.trim();
  if (draft.text.trim()) filter.text = draft.text.trim();
  const since = localInputToIso(draft.since);
  const until = localInputToIso(draft.until);
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}

export function NotificationFilters({ draft, onChange }: { draft: NotificationFilterDraft; onChange: (next: NotificationFilterDraft) => void }) {
  const id = useId();
  const set = <K extends keyof NotificationFilterDraft>(key: K, value: NotificationFilterDraft[K]) => onChange({ ...draft, [key]: value });
  const active = JSON.stringify(draft) !== JSON.stringify(EMPTY_NOTIFICATION_FILTER);
  return (
    <form className="filters" role="search" aria-label="Filter notifications" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={draft.notifyType} onChange={(e) => set('notifyType', e.target.value as NotificationFilterDraft['notifyType'])}>
          <option value="">Any type</option>
          {NOTIFY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-verification`}>Verification</label>
        <select id={`${id}-verification`} value={draft.verification} onChange={(e) => set('verification', e.target.value as NotificationFilterDraft['verification'])}>
          <option value="">Any</option>
          <option value="verified">Verified</option>
          <option value="rejected">Rejected</option>
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-reason`}>Reject reason</label>
        <select id={`${id}-reason`} value={draft.rejectReason} onChange={(e) => set('rejectReason', e.target.value as NotificationFilterDraft['rejectReason'])}>
          <option value="">Any reason</option>
          {REJECT_REASONS.map((r) => <option key={r} value={r}>{REJECT_REASON_WORDS[r].title}</option>)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-ack`}>Acknowledged</label>
        <select id={`${id}-ack`} value={draft.acknowledged} onChange={(e) => set('acknowledged', e.target.value as NotificationFilterDraft['acknowledged'])}>
          <option value="">Either</option>
          <option value="yes">Acknowledged</option>
          <option value="no">Not acknowledged</option>
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-code`}>Result code</label>
        <input id={`${id}-code`} type="search" placeholder="SUCCESS" value={draft.resultCode} onChange={(e) => set('resultCode', e.target.value)} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-anyid`}>Any ID</label>
        <input id={`${id}-anyid`} type="search" placeholder="paymentId, paymentRequestId, captureId…" value={draft.anyId} onChange={(e) => set('anyId', e.target.value)} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-text`}>Text in body</label>
        <input id={`${id}-text`} type="search" value={draft.text} onChange={(e) => set('text', e.target.value)} />
      </div>
      <TimeRangeFields value={{ since: draft.since, until: draft.until }} onChange={(range) => onChange({ ...draft, ...range })} />
      <div className="filter-field filter-actions">
        <button type="button" disabled={!active} onClick={() => onChange(EMPTY_NOTIFICATION_FILTER)}>Clear filters</button>
      </div>
    </form>
  );
}
