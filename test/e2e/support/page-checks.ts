/**
 * Checks a user would notice without reading code: the page scrolls sideways, two controls sit
 * on top of each other, text runs out of its box, or axe-core finds a serious accessibility
 * problem (contrast, names, roles). Each returns plain descriptions so a failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The whole page is wider than the window: the user has to scroll sideways. */
export async function sidewaysOverflow(page: Page): Promise<string | undefined> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  return scrollWidth > innerWidth ? `the page is ${scrollWidth} px wide in a ${innerWidth} px window` : undefined;
}

/**
 * Form controls and buttons whose boxes intersect (more than a pixel each way), in main or in an
 * open dialog. Hidden ones (display none, zero size, closed <details>) are skipped.
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scope = document.querySelector('dialog[open]') ?? document.querySelector('main');
    if (!scope) return [];
    const controls = Array.from(scope.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea, button, a[href]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const name = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const found: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (!a || !b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) found.push(`${name(a.el)} overlaps ${name(b.el)}`);
      }
    }
    return found;
  });
}

/** Elements whose text runs past the right edge of an open dialog. */
export async function dialogOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return [];
    const edge = dialog.getBoundingClientRect().right;
    return Array.from(dialog.querySelectorAll<HTMLElement>('*'))
      .filter((el) => el.getBoundingClientRect().right > edge + 1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  });
}

/** axe-core against WCAG 2.1 A/AA: the serious and critical findings, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? v.help}`));
}
