/**
 * Every dashboard, in navigation order. Each lives in its own folder under src-renderer/dashboards/
 * and is loaded lazily so the first screen ships only what it shows (the JS-size goal).
 * `key` is also the hash route (#/payments) and the keyboard shortcut digit is its position.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
// Renders without a Suspense fallback once the chunk is in (see preloadable-lazy.ts).
import { preloadableLazy as lazy } from './preloadable-lazy';

export interface DashboardRoute {
  key: string;
  title: string;
  /** One line under the title, saying what the dashboard is for. */
  purpose: string;
  component: LazyExoticComponent<ComponentType>;
  /** Hidden when the active profile is read-only (support agents). */
  moneyMoving?: boolean;
}

export const DASHBOARDS: readonly DashboardRoute[] = [
  // First: the main screen (issue 9 §1), as in other payment consoles.
  { key: 'payments', title: 'Payments', purpose: 'Every payment the journal knows: filter, sort, share a view; open one to read its story', component: lazy(() => import('../dashboards/payments/payments-page')) },
  { key: 'overview', title: 'Overview', purpose: 'Payments, captures, latency and notifications over time', component: lazy(() => import('../dashboards/overview/overview-page')) },
  { key: 'sessions', title: 'Sessions', purpose: 'Create payment sessions and drive the sandbox buyer', component: lazy(() => import('../dashboards/sessions/sessions-page')), moneyMoving: true },
  { key: 'captures', title: 'Captures', purpose: 'Capture authorised card payments; cancel and refund', component: lazy(() => import('../dashboards/captures/captures-page')), moneyMoving: true },
  { key: 'disputes', title: 'Disputes', purpose: 'Chargebacks with defense deadlines: accept, defend, download evidence', component: lazy(() => import('../dashboards/disputes/disputes-page')) },
  { key: 'notifications', title: 'Notifications', purpose: 'Every notification received, verified and acknowledged', component: lazy(() => import('../dashboards/notifications/notifications-page')) },
  { key: 'troubleshoot', title: 'Troubleshoot', purpose: 'Explain codes, logs and signatures', component: lazy(() => import('../dashboards/troubleshoot/troubleshoot-page')) },
  { key: 'api-log', title: 'API log', purpose: 'Every signed call with its request, response and signature label', component: lazy(() => import('../dashboards/api-log/api-log-page')) },
  { key: 'settings', title: 'Settings', purpose: 'Profiles, keys, keychain, notification receiver, read-only mode', component: lazy(() => import('../dashboards/settings/settings-page')) },
  { key: 'audit', title: 'Audit', purpose: 'Who moved money: every capture, refund, cancel and session, recorded before it was sent', component: lazy(() => import('../dashboards/audit/audit-page')) },
];
