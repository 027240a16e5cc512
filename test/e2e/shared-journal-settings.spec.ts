/**
 * Issue 7 §2: the header says which journal the console uses, and Settings › Shared journal
 * attaches a PostgreSQL journal (URL + password, checked first) and detaches it again. A refused
 * attach shows its typed error where the form is; with the test run's PostgreSQL server
 * (ANTOM_TEST_DATABASE_URL, started by test/run-tests.sh) the attach goes through, the header
 * changes to "Journal: shared — host/db as role", and the password never shows on the page.
 * The Settings page stays free of serious axe findings in each state.
 */
import postgres from 'postgres';
import { openJournal } from '../../src-main/core/journal/open-journal';
import { createTestDatabase, testDatabaseUrl } from '../support/postgres';
import { expect, test } from './support/fixtures';
import { seriousAxeViolations } from './support/page-checks';
import { saveScreenshot } from './support/screenshots';

test('the header names the journal in use; Settings refuses an unreachable shared journal with its reason', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('journal-in-use')).toHaveText('Journal: embedded (SQLite)');
  await app.open('Settings');
  const panel = page.getByRole('region', { name: 'Shared journal' });
  await expect(panel.getByTestId('journal-connection-label')).toHaveText('embedded (SQLite)');

  const form = page.getByRole('form', { name: 'Attach a shared journal' });
  const url = form.getByLabel('PostgreSQL URL');
  const attach = form.getByRole('button', { name: 'Check and attach' });
  await url.fill('mysql://db.example.com/antom');
  await expect(form.getByText('Starts with postgres:// or postgresql://')).toBeVisible();
  await expect(attach).toBeDisabled();

  // Port 1 on loopback: nothing listens there.
  await url.fill('postgresql://operator@127.0.0.1:1/antom_ops');
  await form.getByLabel('Password').fill('e2e-never-shown');
  await attach.click();
  const refused = panel.getByText('The shared journal was not attached');
  await expect(refused).toBeVisible();
  await expect(panel).toContainText('could not be reached');
  await expect(page.getByTestId('journal-in-use')).toHaveText('Journal: embedded (SQLite)');
  expect(await seriousAxeViolations(page), 'axe on Settings with the refusal shown').toEqual([]);
  await saveScreenshot(page, 'settings-shared-journal-refused');
});

test('attach to the test run\'s PostgreSQL journal, see it in the header, detach again', async ({ app }) => {
  test.skip(!testDatabaseUrl, 'no PostgreSQL server for this run (ANTOM_TEST_DATABASE_URL is set by test/run-tests.sh when the unit stage runs)');
  const db = await createTestDatabase('e2e_attach');
  try {
    await (await openJournal({ engine: 'postgres', url: db.url })).close();
    const server = new URL(db.url);
    const password = decodeURIComponent(server.password) || process.env.PGPASSWORD || '';
    const user = decodeURIComponent(server.username) || process.env.PGUSER || 'postgres';
    server.password = '';

    const { page } = app;
    await app.open('Settings');
    const panel = page.getByRole('region', { name: 'Shared journal' });
    const form = page.getByRole('form', { name: 'Attach a shared journal' });
    await form.getByLabel('PostgreSQL URL').fill(server.toString());
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Check and attach' }).click();

    const expected = `shared — ${server.host}/${db.name} as ${user}`;
    await expect(page.getByTestId('journal-in-use')).toHaveText(`Journal: ${expected}`);
    await expect(panel.getByTestId('journal-connection-label')).toHaveText(expected);
    await expect(form.getByLabel('Password')).toHaveValue('');
    if (password !== '') expect(await page.content()).not.toContain(password);
    expect(await seriousAxeViolations(page), 'axe on Settings while attached').toEqual([]);
    await saveScreenshot(page, 'settings-shared-journal-attached');

    // A notification list read now comes from the shared database (empty), not the embedded file.
    const rows = postgres(db.url, { max: 1, onnotice: () => undefined });
    expect((await rows`SELECT count(*)::int AS n FROM notifications`)[0]!.n).toBe(0);
    await rows.end();

    await panel.getByRole('button', { name: 'Detach (use the embedded journal)' }).click();
    await expect(page.getByTestId('journal-in-use')).toHaveText('Journal: embedded (SQLite)');
    await expect(panel.getByRole('button', { name: 'Detach (use the embedded journal)' })).toHaveCount(0);
  } finally {
    await db.drop();
  }
});
