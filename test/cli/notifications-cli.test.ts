/**
 * The notification side of the CLI over real HTTP and a real SQLite file: `notifications listen`
 * in its own process, signed notifications sent to it, then list / show / timeline / export /
 * replay / prune read the same data directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { vectors } from '../support/signature-vectors';
import { runCli, startCli } from '../support/run-cli';
import { captureResultBody, paymentResultBody, sendNotification, signNotification } from '../support/notification-sender';

let dataDir: string;
let listener: Awaited<ReturnType<typeof startCli>>;
let origin: string;
let path: string;
let integrator: Server;
let integratorUrl: string;
const integratorSaw: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'antom-cli-notify-'));
  writeFileSync(join(dataDir, 'antom.pub'), vectors.keys.antom.publicKeyPem);
  listener = await startCli(['notifications', 'listen', '--port', '0', '--antom-public-key', join(dataDir, 'antom.pub'), '--data-dir', dataDir, '--json']);
  const info = JSON.parse(listener.firstLine);
  const url = new URL(info.url);
  origin = url.origin;
  path = url.pathname;
  expect(url.hostname).toBe('127.0.0.1');
  integrator = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      integratorSaw.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}');
    });
  });
  await new Promise<void>((r) => integrator.listen(0, '127.0.0.1', r));
  integratorUrl = `http://127.0.0.1:${(integrator.address() as AddressInfo).port}/my/notify`;
}, 60_000);

afterAll(async () => {
  expect(await listener.stop()).toBe(0);
  await new Promise<void>((r) => integrator.close(() => r()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('antom-ops notifications', () => {
  it('acknowledges a verified notification, rejects a tampered one, folds a duplicate into attempts', async () => {
    const paid = signNotification({ path, body: paymentResultBody('PAY-CLI-1', { value: '1000', currency: 'USD', paymentRequestId: 'REQ-CLI-1' }) });
    const ok = await sendNotification(origin, paid);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result).toEqual({ resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' });
    expect((await sendNotification(origin, paid)).status).toBe(200); // Antom resends: a duplicate

    const tampered = signNotification({ path, body: captureResultBody('CAP-CLI-1', 'PAY-CLI-1') });
    tampered.body = Buffer.from(tampered.body.toString().replace('"SUCCESS"', '"FAILED!"'));
    const rejected = await sendNotification(origin, tampered);
    expect(rejected.status).not.toBe(200);

    const list = await runCli(['notifications', 'list', '--data-dir', dataDir, '--json']);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout);
    // --json pages like the console: the entries with the cursor of the next page (none here).
    expect(listed.nextCursor).toBeNull();
    const entries = listed.entries;
    expect(entries).toHaveLength(2);
    const byType = Object.fromEntries(entries.map((e: { notifyType: string }) => [e.notifyType, e]));
    expect(byType.PAYMENT_RESULT).toMatchObject({ verification: 'verified', acknowledged: true, attempts: 2, duplicateOf: null, paymentId: 'PAY-CLI-1', paymentRequestId: 'REQ-CLI-1', rejectReason: null });
    expect(byType.CAPTURE_RESULT ?? byType.UNKNOWN).toMatchObject({ verification: 'rejected', acknowledged: false });
    for (const key of ['id', 'notifyType', 'verification', 'rejectReason', 'acknowledged', 'duplicateOf', 'attempts', 'paymentRequestId', 'paymentId', 'captureId', 'refundId', 'receivedAt']) {
      expect(Object.keys(entries[0])).toContain(key);
    }

    const onlyRejected = JSON.parse((await runCli(['notifications', 'list', '--verification', 'rejected', '--data-dir', dataDir, '--json'])).stdout).entries;
    expect(onlyRejected).toHaveLength(1);
    expect(onlyRejected[0].rejectReason).toBeTruthy();
    const byId = JSON.parse((await runCli(['notifications', 'list', '--id', 'REQ-CLI-1', '--data-dir', dataDir, '--json'])).stdout).entries;
    // Any ID resolves to the payment first: the paymentRequestId also finds the (tampered) capture notification of PAY-CLI-1.
    expect(byId.map((e: { paymentId: string; notifyType: string }) => `${e.paymentId} ${e.notifyType}`).sort()).toEqual(['PAY-CLI-1 CAPTURE_RESULT', 'PAY-CLI-1 PAYMENT_RESULT']);
  });

  it('shows one notification with the content that was verified and the retry schedule', async () => {
    const [first] = JSON.parse((await runCli(['notifications', 'list', '--type', 'PAYMENT_RESULT', '--data-dir', dataDir, '--json'])).stdout).entries;
    const show = await runCli(['notifications', 'show', String(first.id), '--data-dir', dataDir, '--json']);
    expect(show.code).toBe(0);
    const detail = JSON.parse(show.stdout);
    expect(detail.contentVerified).toContain(`POST ${path}\n`);
    expect(detail.attemptList).toHaveLength(2);
    expect(detail.retry.acknowledged).toBe(true);
    expect((await runCli(['notifications', 'show', '999999', '--data-dir', dataDir])).code).toBe(2);
  });

  it('tells the payment as a timeline and exports the filtered view', async () => {
    const timeline = await runCli(['timeline', 'REQ-CLI-1', '--data-dir', dataDir, '--json']);
    expect(timeline.code).toBe(0);
    const t = JSON.parse(timeline.stdout);
    expect(t.events.some((e: { kind: string }) => e.kind === 'notification')).toBe(true);
    const csv = await runCli(['export', 'notifications', '--format', 'csv', '--data-dir', dataDir]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/id/);
    expect(csv.stdout).toContain('PAY-CLI-1');
    const json = JSON.parse((await runCli(['export', 'notifications', '--format', 'json', '--verification', 'verified', '--data-dir', dataDir])).stdout);
    expect(json).toHaveLength(1);
    expect((await runCli(['timeline', 'NO-SUCH-PAYMENT', '--data-dir', dataDir])).code).toBe(2);
  });

  it('replays a stored notification to an integrator URL as received', async () => {
    const [first] = JSON.parse((await runCli(['notifications', 'list', '--type', 'PAYMENT_RESULT', '--data-dir', dataDir, '--json'])).stdout).entries;
    const replay = await runCli(['notifications', 'replay', String(first.id), '--to', integratorUrl, '--data-dir', dataDir, '--json']);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ httpStatus: 200, acknowledged: true });
    expect(integratorSaw.at(-1)).toContain('PAY-CLI-1');
    const detail = JSON.parse((await runCli(['notifications', 'show', String(first.id), '--data-dir', dataDir, '--json'])).stdout);
    expect(detail.replays).toMatchObject([{ toUrl: integratorUrl, mode: 'as-received', httpStatus: 200, acknowledged: true }]);
  });

  it('prunes by age and says what it removed', async () => {
    const keep = await runCli(['prune', '--older-than-days', '30', '--data-dir', dataDir, '--json']);
    expect(keep.code).toBe(0);
    expect(JSON.parse(keep.stdout).notifications).toBe(0);
    expect((await runCli(['prune', '--older-than-days', '0', '--data-dir', dataDir])).code).toBe(2);
  });
});
