/**
 * The dashboards a user should find in the navigation, in order: written out here rather than
 * imported from the renderer (which would pull React and .tsx into the node-side test), so a
 * dashboard that disappears or is renamed fails the e2e run.
 */
interface ExpectedDashboard {
  key: string;
  title: string;
  moneyMoving: boolean;
}

export const EXPECTED_DASHBOARDS: readonly ExpectedDashboard[] = [
  { key: 'payments', title: 'Payments', moneyMoving: false },
  { key: 'overview', title: 'Overview', moneyMoving: false },
  { key: 'sessions', title: 'Sessions', moneyMoving: true },
  { key: 'captures', title: 'Captures', moneyMoving: true },
  { key: 'disputes', title: 'Disputes', moneyMoving: false },
  { key: 'notifications', title: 'Notifications', moneyMoving: false },
  { key: 'troubleshoot', title: 'Troubleshoot', moneyMoving: false },
  { key: 'api-log', title: 'API log', moneyMoving: false },
  { key: 'settings', title: 'Settings', moneyMoving: false },
  { key: 'audit', title: 'Audit', moneyMoving: false },
];
