import { useEffect } from 'react';
import { DASHBOARDS } from './dashboards';
import { navigate } from './router';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Alt+1..9 (and Alt+0 for the tenth) opens a dashboard (if visible); "/" focuses the global search when not typing. */
export function useKeyboardShortcuts(visibleKeys: readonly string[], focusSearch: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[0-9]$/.test(event.code)) {
        const digit = Number(event.code.slice(5));
        const route = DASHBOARDS[(digit === 0 ? 10 : digit) - 1];
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
