/**
 * The Payments list (issue 9 §1): every payment the journal knows, filtered and sorted by the
 * link's params (#/payments?status=...&currency=...), windowed so a million rows scroll smoothly,
 * with saved views, CSV export and a link to share. A row opens the payment's detail
 * (#/payments?id=KEY); Back returns to the same view.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { PREVIEW_TOKEN_PARAM } from '../../../src-shared/bridge';
import { viewFromParams, viewToParams, type PaymentListView } from '../../../src-shared/payments-list';
import { getBridge, unwrap } from '../../bridge/client';
import { routeHref, useRoute } from '../../app/router';
import { subscribePush } from '../../app/push';
import { downloadExport } from '../../components/download-export';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { ExportFeedback } from '../../components/log-list-parts';
import { Loading } from '../../components/loading';
import { PaymentsFilters } from './payments-filters';
import { PaymentsGrid } from './payments-grid';
import { usePaymentPages } from './payment-pages';
import { deleteView, loadSavedViews, saveView, type SavedView } from './saved-views';
import '../../components/virtual-list.css';
import '../../components/log-layout.css';
import './payments-list.css';

const PARAM_WORDS: Record<string, string> = {
  status: 'status', currency: 'currency (3 letters, e.g. USD)', since: '"created from" time', until: '"created before" time',
  min: '"amount from" (use a dot for decimals, e.g. 10.50)', max: '"amount to" (use a dot for decimals, e.g. 10.50)', method: 'method', profile: 'profile', sort: 'sort',
};

/** The link others can open: this page's address without the preview's run token. */
function shareableLink(params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  query.delete(PREVIEW_TOKEN_PARAM);
  const text = query.toString();
  return `${window.location.origin}${window.location.pathname}#/payments${text ? `?${text}` : ''}`;
}

export function PaymentsList() {
  const route = useRoute();
  const { view, ignored } = useMemo(() => viewFromParams(route.params), [route.params]);
  const params = useMemo(() => viewToParams(view), [view]);
  const viewKey = JSON.stringify(view);
  const stableView = useMemo(() => JSON.parse(viewKey) as PaymentListView, [viewKey]);

  const onChange = useCallback((next: Record<string, string>) => {
    // replace: the address always holds the view, without a history entry per keystroke.
    window.location.replace(routeHref('payments', next));
  }, []);

  return (
    <div className="payments-list">
      <PaymentsFilters view={view} onChange={onChange} />
      {ignored.length > 0 ? (
        <p className="notice warn" role="alert">
          Not applied: {ignored.map((name) => `${PARAM_WORDS[name] ?? name} "${route.params.get(name) ?? ''}"`).join('; ')}. The rest of the view is shown.
        </p>
      ) : null}
      <ViewBar params={params} onOpen={onChange} />
      <PaymentsBody key={viewKey} view={stableView} />
    </div>
  );
}

function ViewBar({ params, onOpen }: { params: Record<string, string>; onOpen: (params: Record<string, string>) => void }) {
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews());
  const [name, setName] = useState('');
  const [copied, setCopied] = useState<string | undefined>();
  const link = shareableLink(params);
  const current = views.find((v) => JSON.stringify(v.params) === JSON.stringify(params));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      setCopied('Could not copy: select the link and copy it.');
    }
  };

  return (
    <div className="view-bar">
      <div className="filter-field">
        <label htmlFor="pl-saved">Saved views</label>
        <select id="pl-saved" value={current?.name ?? ''} onChange={(e) => { const v = views.find((x) => x.name === e.target.value); if (v) onOpen(v.params); }}>
          <option value="">{views.length ? '(choose a view)' : '(none saved yet)'}</option>
          {views.map((v) => <option key={v.name} value={v.name}>{v.name}</option>)}
        </select>
      </div>
      <form className="save-view" onSubmit={(e) => { e.preventDefault(); if (name.trim()) { setViews(saveView(views, { name: name.trim(), params })); setName(''); } }}>
        <div className="filter-field">
          <label htmlFor="pl-view-name">Save this view as</label>
          <input id="pl-view-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} placeholder="e.g. Failed USD today" />
        </div>
        <button type="submit" disabled={!name.trim()} title={name.trim() ? undefined : 'Type a name first'}>Save view</button>
      </form>
      {current ? <button type="button" onClick={() => setViews(deleteView(views, current.name))}>Delete “{current.name}”</button> : null}
      <div className="filter-field share-field">
        <label htmlFor="pl-link">Link to this view</label>
        <input id="pl-link" readOnly value={link} onFocus={(e) => e.target.select()} />
      </div>
      <button type="button" onClick={() => void copy()}>Copy link</button>
      {copied ? <span role="status" className="muted">{copied}</span> : null}
    </div>
  );
}

function PaymentsBody({ view }: { view: PaymentListView }) {
  const pages = usePaymentPages(view);
  const [activity, setActivity] = useState(0);
  // New calls or notifications: at the top of the list, refresh by itself (once a burst settles);
  // further down, offer a refresh instead of moving the rows being read.
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  useEffect(() => {
    let timer: number | undefined;
    const onActivity = () => {
      if (pagesRef.current.firstVisible() > 0) {
        setActivity((n) => n + 1);
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(() => pagesRef.current.reload(), 500);
    };
    const offA = subscribePush('notificationStored', onActivity);
    const offB = subscribePush('callRecorded', onActivity);
    return () => { offA(); offB(); window.clearTimeout(timer); };
  }, []);
  const exporter = useMutation({ mutationFn: async (format: 'csv' | 'json') => unwrap(await getBridge().exportPayments({ filter: view.filter, sort: view.sort, format })) });
  const unfiltered = Object.keys(view.filter).length === 0;

  return (
    <>
      <div className="list-toolbar">
        <span role="status" aria-live="polite" data-testid="payments-total">
          {pages.total === undefined ? '' : `${pages.total.toLocaleString()} payment${pages.total === 1 ? '' : 's'}${unfiltered ? '' : ' match'}`}
        </span>
        {activity > 0 ? <button type="button" className="new-arrivals" onClick={() => { setActivity(0); pages.reload(); }}>New activity: refresh</button> : null}
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => exporter.mutate('csv', { onSuccess: (file) => downloadExport(file) })} disabled={exporter.isPending}>Export CSV</button>
        <button type="button" onClick={() => exporter.mutate('json', { onSuccess: (file) => downloadExport(file) })} disabled={exporter.isPending}>Export JSON</button>
      </div>
      <ExportFeedback exporter={exporter} noun="payments" />
      {pages.error ? <ErrorPanel title="The payments could not be read" error={pages.error} onRetry={() => pages.reload()} /> : null}
      {pages.total === undefined && !pages.error ? <Loading what="Loading payments…" /> : null}
      {pages.total === 0 ? (
        unfiltered
          ? <EmptyState title="No payments yet"><p>Payments appear here as soon as the console calls Antom for one or a notification names one. Create one in <a href={routeHref('sessions')}>Sessions</a>.</p></EmptyState>
          : <EmptyState title="No payment matches this view"><p>Loosen or clear the filters above.</p></EmptyState>
      ) : null}
      {pages.total ? <PaymentsGrid pages={pages} label="Payments" /> : null}
    </>
  );
}
