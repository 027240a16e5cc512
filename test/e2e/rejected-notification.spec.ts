/**
 * Flow 2: a notification whose body was re-serialised on the way (a proxy pretty-printing the
 * JSON Antom signed) reaches the receiver. It is stored, rejected and not acknowledged; the
 * Notifications detail says why in plain words, and the signature lab, filled from it, names
 * the re-serialised body as the likely cause.
 */
import { createPrivateKey } from 'node:crypto';
import { paymentResultBody, sendNotification, signNotification } from '../support/notification-sender';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test('a tampered notification is rejected, explained in its detail and in the signature lab', async ({ app }) => {
  const { page } = app;
  const status = await app.ops.getAppStatus({});
  const profile = status.activeProfile;
  const receiverUrl = status.receiver.url;
  if (!profile || !receiverUrl) throw new Error('the preview should run the embedded profile and the receiver');
  // Sign as the embedded sandbox's "Antom" does, so only the tampering can make it fail.
  const antomKey = createPrivateKey({
    key: Buffer.from(await app.run.server.core.profiles.loadSandboxAntomKey(profile.name), 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const receiver = new URL(receiverUrl);
  const sign = (body: string) => signNotification({ path: receiver.pathname, body, clientId: profile.clientId, privateKey: antomKey });

  // A genuine one first: it verifies, which tells the receiver this key is right for the client-id.
  const genuine = await sendNotification(receiver.origin, sign(paymentResultBody('E2E0000000000001GENUINE', { value: '2500', currency: 'USD' })));
  expect(genuine.status).toBe(200);

  // Then one signed over compact JSON but delivered pretty-printed.
  const compact = paymentResultBody('E2E0000000000002TAMPERED', { value: '8000', currency: 'EUR' });
  const signed = sign(compact);
  const tampered = await sendNotification(receiver.origin, { ...signed, body: Buffer.from(JSON.stringify(JSON.parse(compact), null, 2)) });
  expect(tampered.status, 'a rejected notification is not acknowledged').not.toBe(200);

  await app.open('Notifications');
  const grid = page.getByRole('grid');
  const rejectedRow = grid.getByRole('row').filter({ hasText: 'E2E0000000000002TAMPERED' });
  await expect(rejectedRow).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: 'E2E0000000000001GENUINE' })).toBeVisible();
  await rejectedRow.click();

  const detail = page.getByRole('complementary', { name: /Notification #\d+/ });
  const verdict = detail.getByRole('note');
  await expect(verdict).toContainText('Rejected: Body changed after signing.');
  await expect(verdict).toContainText('not the compact JSON Antom sends');
  await expect(verdict).toContainText('not acknowledged');
  await expect(detail).toContainText('Content verified');
  await saveScreenshot(page, 'flow-rejected-notification-detail');

  await verdict.getByRole('link', { name: 'Open in the signature lab' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Troubleshoot' })).toBeVisible();
  const lab = page.getByRole('form', { name: 'Signature lab' });
  await expect(page.getByText(/Filled from notification #\d+ \(PAYMENT_RESULT, rejected: body-changed\)/)).toBeVisible();
  await expect(lab.getByLabel('Path', { exact: true })).toHaveValue(receiver.pathname);
  await expect(lab.getByLabel('client-id', { exact: true })).toHaveValue(profile.clientId);
  await lab.getByRole('button', { name: 'Verify signature' }).click();

  const result = page.getByRole('region', { name: 'Signature lab result' });
  await expect(result.getByRole('status')).toContainText('Invalid: the signature does not verify.');
  const likely = result.locator('li.likely');
  await expect(likely).toHaveCount(1);
  await expect(likely).toContainText('body re-serialised');
  await saveScreenshot(page, 'flow-signature-lab');
});
