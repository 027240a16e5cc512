/**
 * The Payments list's filters. Each change rewrites the link (#/payments?status=...) in place,
 * so the address bar always holds the shareable view and Back returns to the previous page, not
 * to every keystroke. Text fields apply after a short pause.
 */
import { useEffect, useState } from 'react';
import { PAYMENT_LIST_STATES, PAYMENT_SORTS, type PaymentListView, type PaymentSort } from '../../../src-shared/payments-list';

const SORT_WORDS: Record<PaymentSort, string> = {
  'created-desc': 'Newest first', 'created-asc': 'Oldest first', 'updated-desc': 'Recently updated', 'updated-asc': 'Least recently updated',
  'amount-desc': 'Largest amount', 'amount-asc': 'Smallest amount',
};

interface FilterDraft {
  status: string;
  since: string;
  until: string;
  min: string;
  max: string;
  currency: string;
  method: string;
  profile: string;
  sort: PaymentSort;
}

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function draftOf(view: PaymentListView): FilterDraft {
  const f = view.filter;
  return {
    status: Array.isArray(f.status) ? f.status.join(',') : f.status ?? '', since: toLocalInput(f.since), until: toLocalInput(f.until),
    min: f.min ?? '', max: f.max ?? '', currency: f.currency ?? '', method: f.method ?? '', profile: f.profile ?? '', sort: view.sort,
  };
}

/** The draft as link params (local times back to ISO). */
function paramsOf(d: FilterDraft): Record<string, string> {
  const iso = (local: string) => (local && !Number.isNaN(new Date(local).getTime()) ? new Date(local).toISOString() : '');
  const out: Record<string, string> = {
    status: d.status, since: iso(d.since), until: iso(d.until), min: d.min.trim(), max: d.max.trim(), currency: d.currency.trim().toUpperCase(),
    method: d.method.trim(), profile: d.profile.trim(), sort: d.sort === 'created-desc' ? '' : d.sort,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== ''));
}

export function PaymentsFilters({ view, onChange }: { view: PaymentListView; onChange: (params: Record<string, string>) => void }) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(view));
  const viewKey = JSON.stringify(view);
  useEffect(() => setDraft(draftOf(JSON.parse(viewKey) as PaymentListView)), [viewKey]);

  // Text fields settle for 400 ms before the link changes; selects and dates apply at once.
  const [pendingText, setPendingText] = useState<FilterDraft | undefined>();
  useEffect(() => {
    if (!pendingText) return;
    const timer = window.setTimeout(() => onChange(paramsOf(pendingText)), 400);
    return () => window.clearTimeout(timer);
  }, [pendingText, onChange]);

  const set = (patch: Partial<FilterDraft>, immediate: boolean) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (immediate) {
      setPendingText(undefined);
      onChange(paramsOf(next));
    } else setPendingText(next);
  };
  const multi = draft.status.includes(',');

  return (
    <form className="filters payments-filters" aria-label="Filter payments" onSubmit={(e) => { e.preventDefault(); onChange(paramsOf(draft)); }}>
      <div className="filter-field">
        <label htmlFor="pl-status">Status</label>
        <select id="pl-status" value={draft.status} onChange={(e) => set({ status: e.target.value }, true)}>
          <option value="">Any status</option>
          {multi ? <option value={draft.status}>{draft.status.split(',').length} statuses: {draft.status.replace(/,/g, ', ')}</option> : null}
          {PAYMENT_LIST_STATES.map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="pl-since">Created from</label>
        <input id="pl-since" type="datetime-local" value={draft.since} onChange={(e) => set({ since: e.target.value }, true)} />
      </div>
      <div className="filter-field">
        <label htmlFor="pl-until">Created before</label>
        <input id="pl-until" type="datetime-local" value={draft.until} onChange={(e) => set({ until: e.target.value }, true)} />
      </div>
      <div className="filter-field narrow">
        <label htmlFor="pl-min">Amount from</label>
        <input id="pl-min" inputMode="decimal" placeholder="10.50" value={draft.min} onChange={(e) => set({ min: e.target.value }, false)} size={8} />
      </div>
      <div className="filter-field narrow">
        <label htmlFor="pl-max">Amount to</label>
        <input id="pl-max" inputMode="decimal" placeholder="100" value={draft.max} onChange={(e) => set({ max: e.target.value }, false)} size={8} />
      </div>
      <div className="filter-field narrow">
        <label htmlFor="pl-currency">Currency</label>
        <input id="pl-currency" placeholder="USD" value={draft.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value.toUpperCase() }, false)} size={4} />
      </div>
      <div className="filter-field">
        <label htmlFor="pl-method">Method</label>
        <input id="pl-method" placeholder="CARD" value={draft.method} onChange={(e) => set({ method: e.target.value }, false)} size={10} />
      </div>
      <div className="filter-field">
        <label htmlFor="pl-profile">Profile</label>
        <input id="pl-profile" value={draft.profile} onChange={(e) => set({ profile: e.target.value }, false)} size={10} />
      </div>
      <div className="filter-field">
        <label htmlFor="pl-sort">Sort</label>
        <select id="pl-sort" value={draft.sort} onChange={(e) => set({ sort: e.target.value as PaymentSort }, true)}>
          {PAYMENT_SORTS.map((s) => <option key={s} value={s}>{SORT_WORDS[s]}</option>)}
        </select>
      </div>
      <div className="filter-field filter-actions">
        <button type="button" onClick={() => onChange({})}>Clear filters</button>
      </div>
    </form>
  );
}
