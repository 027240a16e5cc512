import { useEffect } from 'react';
import { DASHBOARDS } from './dashboards';
import { navigate } from './router';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Alt+1..8 opens a dashboard (if visible); "/" focuses the global search when not typing. */
export function useKeyboardShortcuts(visibleKeys: readonly string[], focusSearch: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-9]$/.test(event.code)) {
        const route = DASHBOARDS[Number(event.code.slice(5)) - 1];
        if (route && visibleKeys.includes(route.key)) {
          event.preventDefault();
          navigate(route.key);
        }
        return;
      }
      if (event.key === '/' && !event.altKey && !event.ctrlKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visibleKeys, focusSearch]);
}
