/**
 * Checks a user would notice without reading code: the page scrolls sideways, two controls sit
 * on top of each other, text runs out of its dialog, focus is invisible, or axe-core finds a
 * serious accessibility problem (contrast, names, roles). Each returns plain descriptions so a
 * failure says what to fix.
 *
 * The in-page parts are script text: the node-side tsconfig has no DOM types, and what comes
 * back is checked before use.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw new Error(`${what}: the page answered something other than a list of strings`);
  return value;
}

const DESCRIBE = `(el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30) + '"'`;

/** The whole page is wider than the window: the user has to scroll sideways. */
export async function sidewaysOverflow(page: Page): Promise<string | undefined> {
  const found = stringList(await page.evaluate(`(() => {
    const w = document.documentElement.scrollWidth, v = window.innerWidth;
    return w > v ? ['the page is ' + w + ' px wide in a ' + v + ' px window'] : [];
  })()`), 'sideways overflow');
  return found[0];
}

/**
 * Form controls, buttons and links whose boxes intersect (more than a pixel each way), in main
 * or in an open dialog. Hidden ones (display none, zero size, closed <details>) are skipped.
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return stringList(await page.evaluate(`(() => {
    const describe = ${DESCRIBE};
    const scope = document.querySelector('dialog[open]') || document.querySelector('main');
    if (!scope) return [];
    const controls = Array.from(scope.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a[href]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      // checkVisibility skips what a user cannot see: inside a closed <details>, display none, visibility hidden.
      .filter(({ el, box }) => box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true }));
    const found = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i], b = controls[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) found.push(describe(a.el) + ' overlaps ' + describe(b.el));
      }
    }
    return found;
  })()`), 'overlapping controls');
}

/** Elements whose box runs past the right edge of the open dialog (unwrapped long text). */
export async function dialogOverflow(page: Page): Promise<string[]> {
  return stringList(await page.evaluate(`(() => {
    const describe = ${DESCRIBE};
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return [];
    const edge = dialog.getBoundingClientRect().right;
    return Array.from(dialog.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > edge + 1 || (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'))
      .map(describe);
  })()`), 'dialog overflow');
}

/** Press Tab `stops` times; the focused elements that showed no outline or ring. */
export async function focusStopsWithoutIndicator(page: Page, stops: number): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    missing.push(...stringList(await page.evaluate(`(() => {
      const describe = ${DESCRIBE};
      const el = document.activeElement;
      if (!el || el === document.body) return [];
      const style = getComputedStyle(el);
      const shown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return shown ? [] : [describe(el)];
    })()`), 'focus indicator'));
  }
  return missing;
}

/** Set the route hash (`#/<key>?id=...`), keeping the preview token so the page stays authorised. */
export async function openRouteInPage(page: Page, key: string, params: Record<string, string>, token: string): Promise<void> {
  const query = new URLSearchParams({ ...params, token });
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/${key}?${query.toString()}`)}`);
}

/** axe-core against WCAG 2.1 A/AA: the serious and critical findings, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() || v.help}`));
}
