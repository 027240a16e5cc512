/**
 * The filter bar. Selects apply at once; typed boxes apply once typing pauses. The owner turns
 * the draft into the contract's NotificationFilter with toNotificationFilter().
 */
import { useId } from 'react';
import type { NotificationFilter, NotificationVerification, NotifyType, RejectReason } from '../../../src-shared/journal-views';
import { addSharedFilters, FilterBar, FilterSearch, FilterSelect } from '../../components/filter-bar';
import { NOTIFY_TYPES, REJECT_REASONS } from '../../../src-shared/vocabulary';
import { REJECT_REASON_WORDS } from './notification-words';

export interface NotificationFilterDraft {
  notifyType: NotifyType | '';
  verification: NotificationVerification | '';
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
  addSharedFilters(filter, draft);
  return filter;
}

export function NotificationFilters({ draft, onChange }: { draft: NotificationFilterDraft; onChange: (next: NotificationFilterDraft) => void }) {
  const id = useId();
  const set = <K extends keyof NotificationFilterDraft>(key: K) => (value: NotificationFilterDraft[K]) => onChange({ ...draft, [key]: value });
  const active = JSON.stringify(draft) !== JSON.stringify(EMPTY_NOTIFICATION_FILTER);
  return (
    <FilterBar
      label="Filter notifications"
      range={{ since: draft.since, until: draft.until }}
      onRangeChange={(range) => onChange({ ...draft, ...range })}
      active={active}
      onClear={() => onChange(EMPTY_NOTIFICATION_FILTER)}
    >
      <FilterSelect id={`${id}-type`} label="Type" value={draft.notifyType} onChange={set('notifyType')}>
        <option value="">Any type</option>
        {NOTIFY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
      </FilterSelect>
      <FilterSelect id={`${id}-verification`} label="Verification" value={draft.verification} onChange={set('verification')}>
        <option value="">Any</option>
        <option value="verified">Verified</option>
        <option value="rejected">Rejected</option>
      </FilterSelect>
      <FilterSelect id={`${id}-reason`} label="Reject reason" value={draft.rejectReason} onChange={set('rejectReason')}>
        <option value="">Any reason</option>
        {REJECT_REASONS.map((r) => <option key={r} value={r}>{REJECT_REASON_WORDS[r].title}</option>)}
      </FilterSelect>
      <FilterSelect id={`${id}-ack`} label="Acknowledged" value={draft.acknowledged} onChange={set('acknowledged')}>
        <option value="">Either</option>
        <option value="yes">Acknowledged</option>
        <option value="no">Not acknowledged</option>
      </FilterSelect>
      <FilterSearch id={`${id}-code`} label="Result code" placeholder="SUCCESS" value={draft.resultCode} onChange={set('resultCode')} />
      <FilterSearch id={`${id}-anyid`} label="Any ID" placeholder="paymentId, paymentRequestId, captureId…" value={draft.anyId} onChange={set('anyId')} />
      <FilterSearch id={`${id}-text`} label="Text in body" value={draft.text} onChange={set('text')} />
    </FilterBar>
  );
}
