/** The API log's filter bar; selects apply at once, typed boxes once typing pauses. */
import { useId } from 'react';
import { ANTOM_APIS, CALL_TRIGGERS, type AntomApiName, type CallTrigger, type ResponseSignatureLabel, type ResultStatusFilter } from '../../../src-shared/vocabulary';
import type { CallFilter } from '../../../src-shared/journal-views';
import { addSharedFilters, FilterBar, FilterSearch, FilterSelect } from '../../components/filter-bar';

export interface CallFilterDraft {
  api: AntomApiName | '';
  resultStatus: ResultStatusFilter | '';
  resultCode: string;
  responseSignature: ResponseSignatureLabel | '';
  trigger: CallTrigger | '';
  anyId: string;
  text: string;
  since: string;
  until: string;
}

export const EMPTY_CALL_FILTER: CallFilterDraft = { api: '', resultStatus: '', resultCode: '', responseSignature: '', trigger: '', anyId: '', text: '', since: '', until: '' };

export function toCallFilter(draft: CallFilterDraft): CallFilter {
  const filter: CallFilter = {};
  if (draft.api) filter.api = draft.api;
  if (draft.resultStatus) filter.resultStatus = draft.resultStatus;
  if (draft.responseSignature) filter.responseSignature = draft.responseSignature;
  if (draft.trigger) filter.trigger = draft.trigger;
  addSharedFilters(filter, draft);
  return filter;
}

export function CallFilters({ draft, onChange }: { draft: CallFilterDraft; onChange: (next: CallFilterDraft) => void }) {
  const id = useId();
  const set = <K extends keyof CallFilterDraft>(key: K) => (value: CallFilterDraft[K]) => onChange({ ...draft, [key]: value });
  const active = JSON.stringify(draft) !== JSON.stringify(EMPTY_CALL_FILTER);
  return (
    <FilterBar
      label="Filter calls"
      range={{ since: draft.since, until: draft.until }}
      onRangeChange={(range) => onChange({ ...draft, ...range })}
      active={active}
      onClear={() => onChange(EMPTY_CALL_FILTER)}
    >
      <FilterSelect id={`${id}-api`} label="API" value={draft.api} onChange={set('api')}>
        <option value="">Any API</option>
        {ANTOM_APIS.map((api) => <option key={api} value={api}>{api}</option>)}
      </FilterSelect>
      <FilterSelect id={`${id}-status`} label="Result status" value={draft.resultStatus} onChange={set('resultStatus')}>
        <option value="">Any</option>
        <option value="S">S: success</option>
        <option value="F">F: failed</option>
        <option value="U">U: unknown</option>
        <option value="none">No result (transport error)</option>
      </FilterSelect>
      <FilterSearch id={`${id}-code`} label="Result code" placeholder="UNKNOWN_EXCEPTION" value={draft.resultCode} onChange={set('resultCode')} />
      <FilterSelect id={`${id}-sig`} label="Response signature" value={draft.responseSignature} onChange={set('responseSignature')}>
        <option value="">Any</option>
        <option value="verified">Verified</option>
        <option value="unverified">Unverified</option>
        <option value="invalid">Invalid</option>
      </FilterSelect>
      <FilterSelect id={`${id}-trigger`} label="Trigger" value={draft.trigger} onChange={set('trigger')}>
        <option value="">Anyone</option>
        {CALL_TRIGGERS.map((t) => <option key={t} value={t}>{t}</option>)}
      </FilterSelect>
      <FilterSearch id={`${id}-anyid`} label="Any ID" placeholder="paymentId, captureRequestId, callId…" value={draft.anyId} onChange={set('anyId')} />
      <FilterSearch id={`${id}-text`} label="Text in request or response" value={draft.text} onChange={set('text')} />
    </FilterBar>
  );
}
