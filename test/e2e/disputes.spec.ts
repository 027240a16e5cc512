/**
 * Flow: a chargeback end to end. A paid payment is disputed on the embedded sandbox (its HTTP
 * control surface, as an integrator would), the dispute appears on Disputes with its deadline and
 * on the Overview's "due in 48 hours" list; the operator previews a defense document, confirms,
 * sends it, and sees DEFENSE_SUPPLIED arrive in the dispute's history. Light and dark pictures.
 */
import { arrangePayment } from './support/arrange';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

const PROOF = 'Order ORDER-42 was delivered on 2026-11-28 (tracking 1Z999AA10123456784).\nSigned for by the buyer.\n';

test('raise a dispute in the sandbox, see it on Disputes, defend it, see DEFENSE_SUPPLIED', async ({ app }) => {
  const { page, ops } = app;
  const payment = await arrangePayment(ops, { currency: 'USD', value: '8800' }, { authorise: false });
  const status = await ops.getAppStatus({});
  if (!status.sandbox.baseUrl) throw new Error('the preview should run the embedded sandbox');
  const raised = await fetch(`${status.sandbox.baseUrl}/__sandbox/payments/${encodeURIComponent(payment.paymentId)}/dispute`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reasonCode: '13.1', reasonMsg: 'Merchandise/Services Not Received' }),
  });
  expect(raised.status).toBe(200);
  const { disputeId } = (await raised.json()) as { disputeId: string };

  // Overview: due within 48 hours (the e2e sandbox runs 60x faster, so 7 days is under 3 hours).
  await app.open('Overview');
  const tile = page.getByRole('region', { name: 'Disputes due in the next 48 hours' });
  await expect(tile.getByRole('link', { name: disputeId })).toBeVisible();
  await expect(tile).toContainText('USD 88.00');
  await saveScreenshot(page, 'overview-disputes-due-light');

  await app.open('Disputes');
  const row = page.getByRole('row').filter({ hasText: disputeId });
  await expect(row).toContainText('USD 88.00');
  await expect(row).toContainText('Merchandise/Services Not Received');
  await expect(row).toContainText(/\d+ (h|min|d) .*left/);
  await expect(row.getByRole('link', { name: payment.paymentRequestId })).toBeVisible();
  await row.getByRole('button', { name: `Select dispute ${disputeId}` }).click();
  const detail = page.getByRole('region', { name: `Dispute ${disputeId}` });
  await expect(detail.getByRole('list', { name: `History of dispute ${disputeId}` })).toContainText('DISPUTE_CREATED');

  // Choose a document: what will be sent is shown before anything leaves the console.
  await detail.getByLabel('Defense document').setInputFiles({ name: 'proof-of-delivery.txt', mimeType: 'text/plain', buffer: Buffer.from(PROOF) });
  const preview = detail.getByRole('group', { name: 'Document to send' });
  await expect(preview).toContainText('proof-of-delivery.txt');
  await expect(preview).toContainText('text/plain');
  await expect(preview).toContainText(`${Buffer.byteLength(PROOF)} bytes`);
  await expect(preview.getByLabel('Preview of proof-of-delivery.txt')).toContainText('tracking 1Z999AA10123456784');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreenshot(page, `disputes-defend-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await ops.listCalls({ filter: { api: 'supplyDefenseDocument' } })).items).toHaveLength(0);

  await preview.getByRole('button', { name: 'Send defense…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send this defense?' });
  await expect(dialog).toContainText('proof-of-delivery.txt');
  await dialog.getByRole('button', { name: 'Send defense' }).click();
  const result = detail.getByRole('group', { name: 'Defense result' });
  await expect(result).toContainText('SUCCESS');

  // Antom (the sandbox) confirms with notifyDispute DEFENSE_SUPPLIED; the page refreshes on the push.
  const history = detail.getByRole('list', { name: `History of dispute ${disputeId}` });
  await expect(history).toContainText('supplyDefenseDocument -> S SUCCESS');
  await expect(history).toContainText('DEFENSE_SUPPLIED', { timeout: 30_000 });
  await expect(detail).toContainText('Defended: waiting for the judgement');
  await expect(page.getByRole('row').filter({ hasText: disputeId }).first()).toContainText('Defended');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await saveScreenshot(page, `disputes-defended-${scheme}`);
    await app.open('Overview');
    await saveScreenshot(page, `overview-disputes-${scheme}`);
    await app.open('Disputes');
    await page.getByRole('button', { name: `Select dispute ${disputeId}` }).click();
  }
});
