import { preloadLazy } from './preloadable-lazy';
import { routeHref } from './router';
import { shortcutDigit } from './visible-dashboards';
import type { DashboardRoute } from './dashboards';

export function DashboardNav({ dashboards, current }: { dashboards: readonly DashboardRoute[]; current: string }) {
  return (
    <nav className="dashboard-nav" aria-label="Dashboards">
      <ul>
        {dashboards.map((d) => (
          <li key={d.key}>
            {/* Pointer or focus on a link starts loading its dashboard: the click then renders it at once. */}
            <a href={routeHref(d.key)} onPointerEnter={() => void preloadLazy(d.component)} onFocus={() => void preloadLazy(d.component)} aria-current={d.key === current ? 'page' : undefined} title={`${d.purpose} (Alt+${shortcutDigit(d)})`} aria-keyshortcuts={`Alt+${shortcutDigit(d)}`}>
              <span className="nav-title">{d.title}</span>
              <kbd className="nav-key" aria-hidden="true">Alt+{shortcutDigit(d)}</kbd>
            </a>
          </li>
        ))}
      </ul>
      <details className="shortcuts-help">
        <summary>Keyboard shortcuts</summary>
        <dl>
          <dt><kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>9</kbd>, <kbd>0</kbd></dt>
          <dd>Open a dashboard (number shown next to each)</dd>
          <dt><kbd>/</kbd></dt>
          <dd>Focus the global ID search</dd>
          <dt><kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd></dt>
          <dd>Move between controls; every action is a button or link</dd>
          <dt><kbd>Esc</kbd></dt>
          <dd>Close a dialog or the search results</dd>
        </dl>
      </details>
    </nav>
  );
}
