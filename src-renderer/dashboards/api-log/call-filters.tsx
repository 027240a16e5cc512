/** The API log's filter bar; selects apply at once, typed boxes once typing pauses. */
import { useId } from 'react';
import { ANTOM_APIS, type AntomApiName, type CallTrigger, type ResponseSignatureLabel } from '../../../src-shared/antom-calls';
import type { CallFilter } from '../../../src-shared/journal-views';
import { localInputToIso, TimeRangeFields } from '../../components/time-range-fields';

export interface CallFilterDraft {
  api: AntomApiName | '';
  resultStatus: 'S' | 'F' | 'U' | 'none' | '';
  resultCode: string;
  responseSignature: ResponseSignatureLabel | '';
  trigger: CallTrigger | '';
  anyId: string;
  text: string;
  since: string;
  until: string;
}

export const EMPTY_CALL_FILTER: CallFilterDraft = { api: '', resultStatus: '', resultCode: '', responseSignature: '', trigger: '', anyId: '', text: '', since: '', until: '' };

const TRIGGERS: readonly CallTrigger[] = ['user', 'poller', 'retry', 'cli', 'test'];

export function toCallFilter(draft: CallFilterDraft): CallFilter {
  const filter: CallFilter = {};
  if (draft.api) filter.api = draft.api;
  if (draft.resultStatus) filter.resultStatus = draft.resultStatus;
  if (draft.resultCode.trim()) filter.resultCode = draft.resultCode.trim().toUpperCase();
  if (draft.responseSignature) filter.responseSignature = draft.responseSignature;
  if (draft.trigger) filter.trigger = draft.trigger;
  if (draft.anyId.trim()) filter.anyId = draft.anyId.trim();
  if (draft.text.trim()) filter.text = draft.text.trim();
  const since = localInputToIso(draft.since);
  const until = localInputToIso(draft.until);
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}

export function CallFilters({ draft, onChange }: { draft: CallFilterDraft; onChange: (next: CallFilterDraft) => void }) {
  const id = useId();
  const set = <K extends keyof CallFilterDraft>(key: K, value: CallFilterDraft[K]) => onChange({ ...draft, [key]: value });
  const active = JSON.stringify(draft) !== JSON.stringify(EMPTY_CALL_FILTER);
  return (
    <form className="filters" role="search" aria-label="Filter calls" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field">
        <label htmlFor={`${id}-api`}>API</label>
        <select id={`${id}-api`} value={draft.api} onChange={(e) => set('api', e.target.value as CallFilterDraft['api'])}>
          <option value="">Any API</option>
          {ANTOM_APIS.map((api) => <option key={api} value={api}>{api}</option>)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-status`}>Result status</label>
        <select id={`${id}-status`} value={draft.resultStatus} onChange={(e) => set('resultStatus', e.target.value as CallFilterDraft['resultStatus'])}>
          <option value="">Any</option>
          <option value="S">S: success</option>
          <option value="F">F: failed</option>
          <option value="U">U: unknown</option>
          <option value="none">No result (transport error)</option>
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-code`}>Result code</label>
        <input id={`${id}-code`} type="search" placeholder="UNKNOWN_EXCEPTION" value={draft.resultCode} onChange={(e) => set('resultCode', e.target.value)} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-sig`}>Response signature</label>
        <select id={`${id}-sig`} value={draft.responseSignature} onChange={(e) => set('responseSignature', e.target.value as CallFilterDraft['responseSignature'])}>
          <option value="">Any</option>
          <option value="verified">Verified</option>
          <option value="unverified">Unverified</option>
          <option value="invalid">Invalid</option>
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-trigger`}>Trigger</label>
        <select id={`${id}-trigger`} value={draft.trigger} onChange={(e) => set('trigger', e.target.value as CallFilterDraft['trigger'])}>
          <option value="">Anyone</option>
          {TRIGGERS.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-anyid`}>Any ID</label>
        <input id={`${id}-anyid`} type="search" placeholder="paymentId, captureRequestId, callId…" value={draft.anyId} onChange={(e) => set('anyId', e.target.value)} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-text`}>Text in request or response</label>
        <input id={`${id}-text`} type="search" value={draft.text} onChange={(e) => set('text', e.target.value)} />
      </div>
      <TimeRangeFields value={{ since: draft.since, until: draft.until }} onChange={(range) => onChange({ ...draft, ...range })} />
      <div className="filter-field filter-actions">
        <button type="button" disabled={!active} onClick={() => onChange(EMPTY_CALL_FILTER)}>Clear filters</button>
      </div>
    </form>
  );
}
