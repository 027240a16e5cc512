/**
 * Troubleshoot > Decode paymentSessionData, driven by keyboard and read by role and label: a
 * value the web SDK would reject is explained part by part, a good one is decoded.
 */
import { expect, test } from './support/fixtures';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

test('decodes pasted paymentSessionData and explains SDK_CREATEPAYMENT_PARAMETER_ERROR', async ({ app }) => {
  const { page } = app;
  await app.open('Troubleshoot');
  const panel = page.getByRole('region', { name: 'Decode paymentSessionData', exact: true });
  await expect(panel).toBeVisible();
  const input = panel.getByLabel('paymentSessionData', { exact: true });

  // A bare base64 JSON (no "&&" parts), typed and submitted from the keyboard.
  await input.focus();
  await page.keyboard.insertText(b64({ paymentSessionConfig: { productScene: 'CASHIER_PAYMENT' } }));
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Decode', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const result = panel.getByRole('region', { name: 'Decoded paymentSessionData' });
  await expect(result.getByRole('status')).toContainText('SDK_CREATEPAYMENT_PARAMETER_ERROR');
  await expect(result.getByRole('heading', { name: 'Why the SDK rejects it' })).toBeVisible();
  await expect(result).toContainText('the SDK needs exactly 4');

  // A good value: region, scene, method category, version and client id.
  const good = `kQXa1lM0&&US&&101&&${b64({ paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', productSceneVersion: '1.0' }, clientId: 'SANDBOX_5X00000000000000' })}`;
  await input.fill(good);
  await panel.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(result.getByRole('status')).toContainText('SDK_START_OF_LOADING');
  for (const text of ['US: North America', 'CASHIER_PAYMENT', 'CARD', 'SANDBOX_5X00000000000000']) await expect(result).toContainText(text);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
