import { DASHBOARDS, type DashboardRoute } from './dashboards';

/** Read-only profiles do not see money-moving dashboards at all (main refuses them anyway). */
export function visibleDashboards(readOnly: boolean): readonly DashboardRoute[] {
  return readOnly ? DASHBOARDS.filter((d) => !d.moneyMoving) : DASHBOARDS;
}

/** Alt+<digit> is the dashboard's position in DASHBOARDS (stable whatever is hidden); the tenth is Alt+0. */
export function shortcutDigit(route: DashboardRoute): number {
  return (DASHBOARDS.indexOf(route) + 1) % 10;
}
