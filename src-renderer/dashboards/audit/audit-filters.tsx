/** The Audit view's filter bar: person (user@host), operation, profile, outcome, door, any ID and time. */
import { useId } from 'react';
import { AUDIT_DOORS, AUDIT_OUTCOMES, AUDITED_OPERATIONS, type AuditDoor, type AuditedOperation, type AuditFilter, type AuditOutcome } from '../../../src-shared/audit-views';
import { FilterBar, FilterSearch, FilterSelect } from '../../components/filter-bar';
import { localInputToIso } from '../../components/time-range-fields';

export interface AuditFilterDraft {
  person: string;
  operation: AuditedOperation | '';
  profile: string;
  outcome: AuditOutcome | '';
  door: AuditDoor | '';
  anyId: string;
  since: string;
  until: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterDraft = { person: '', operation: '', profile: '', outcome: '', door: '', anyId: '', since: '', until: '' };

export function toAuditFilter(draft: AuditFilterDraft): AuditFilter {
  const filter: AuditFilter = {};
  if (draft.person.trim()) filter.person = draft.person.trim();
  if (draft.operation) filter.operation = draft.operation;
  if (draft.profile.trim()) filter.profile = draft.profile.trim();
  if (draft.outcome) filter.outcome = draft.outcome;
  if (draft.door) filter.door = draft.door;
  if (draft.anyId.trim()) filter.anyId = draft.anyId.trim();
  const since = localInputToIso(draft.since);
  const until = localInputToIso(draft.until);
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}

/** Short words for the select (the list and the detail spell outcomes out in full). */
const OUTCOME_CHOICES: Record<AuditOutcome, string> = {
  S: 'S: succeeded', F: 'F: failed', U: 'U: unknown', unknown: 'Sent, no answer', 'not-sent': 'Not sent', pending: 'No outcome recorded',
};

const DOOR_WORDS: Record<AuditDoor, string> = { console: 'Desktop console', preview: 'Browser preview', cli: 'antom-ops CLI' };

export function AuditFilters({ draft, onChange }: { draft: AuditFilterDraft; onChange: (next: AuditFilterDraft) => void }) {
  const id = useId();
  const set = <K extends keyof AuditFilterDraft>(key: K) => (value: AuditFilterDraft[K]) => onChange({ ...draft, [key]: value });
  const active = JSON.stringify(draft) !== JSON.stringify(EMPTY_AUDIT_FILTER);
  return (
    <FilterBar
      label="Filter the audit trail"
      range={{ since: draft.since, until: draft.until }}
      onRangeChange={(range) => onChange({ ...draft, ...range })}
      active={active}
      onClear={() => onChange(EMPTY_AUDIT_FILTER)}
    >
      <FilterSearch id={`${id}-person`} label="Person (user@host)" placeholder="amy@ops-laptop" value={draft.person} onChange={set('person')} />
      <FilterSelect id={`${id}-operation`} label="Operation" value={draft.operation} onChange={set('operation')}>
        <option value="">Any operation</option>
        {AUDITED_OPERATIONS.map((op) => <option key={op} value={op}>{op}</option>)}
      </FilterSelect>
      <FilterSearch id={`${id}-profile`} label="Profile" value={draft.profile} onChange={set('profile')} />
      <FilterSelect id={`${id}-outcome`} label="Outcome" value={draft.outcome} onChange={set('outcome')}>
        <option value="">Any outcome</option>
        {AUDIT_OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_CHOICES[o]}</option>)}
      </FilterSelect>
      <FilterSelect id={`${id}-door`} label="Sent from" value={draft.door} onChange={set('door')}>
        <option value="">Anywhere</option>
        {AUDIT_DOORS.map((d) => <option key={d} value={d}>{DOOR_WORDS[d]}</option>)}
      </FilterSelect>
      <FilterSearch id={`${id}-anyid`} label="Any ID" placeholder="paymentId, captureRequestId, disputeId…" value={draft.anyId} onChange={set('anyId')} />
    </FilterBar>
  );
}
