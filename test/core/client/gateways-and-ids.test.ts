import { describe, expect, it } from 'vitest';
import { apiPath, backoffDelayMs, gatewayBaseUrl, InMemoryRequestIdLedger, usesSandboxPaths } from '../../../src-main/core/client';
import { newRequestId } from '../../../src-shared/request-ids';
import { ConsoleError } from '../../../src-shared/errors';

describe('gateways and paths', () => {
  it('maps regions to the recommended Antom domains', () => {
    expect(gatewayBaseUrl('SG')).toBe('https://open-sea-global.alipay.com');
    expect(gatewayBaseUrl('NA')).toBe('https://open-na-global.alipay.com');
    expect(gatewayBaseUrl('EU')).toBe('https://open-de-global.alipay.com');
    expect(gatewayBaseUrl('US')).toBe('https://open.antglobal-us.com');
    expect(gatewayBaseUrl('CUSTOM', 'https://open-sea.alipay.com/')).toBe('https://open-sea.alipay.com');
    expect(() => gatewayBaseUrl('LOCAL')).toThrow(ConsoleError);
  });

  it('builds production and sandbox paths', () => {
    expect(apiPath('capture', false)).toBe('/ams/api/v1/payments/capture');
    expect(apiPath('inquiryRefund', true)).toBe('/ams/sandbox/api/v1/payments/inquiryRefund');
  });

  it('uses the sandbox family for sandbox and embedded profiles and SANDBOX_ client-ids', () => {
    expect(usesSandboxPaths({ environment: 'sandbox', clientId: 'X' })).toBe(true);
    expect(usesSandboxPaths({ environment: 'embedded', clientId: 'X' })).toBe(true);
    expect(usesSandboxPaths({ environment: 'production', clientId: 'SANDBOX_5X00000000000000' })).toBe(true);
    expect(usesSandboxPaths({ environment: 'production', clientId: '5X00000000000000' })).toBe(false);
  });
});

describe('newRequestId', () => {
  it('is ASCII, at most 64 characters, dated and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId('cap', new Date('2026-11-22T10:00:00Z'))));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^CAP-20261122-[A-Z2-7]{16}$/);
      expect(id.length).toBeLessThanOrEqual(64);
    }
    expect(newRequestId('a very long prefix with spaces and 中文').length).toBeLessThanOrEqual(64);
  });

  it('spreads its random tail over the whole alphabet (no stuck bits)', () => {
    const tails = Array.from({ length: 2000 }, () => newRequestId('PAY').split('-')[2]!).join('');
    expect(new Set(tails).size).toBe(32);
  });
});

describe('retry backoff', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 4000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});

describe('InMemoryRequestIdLedger', () => {
  it('keeps the ID of an unknown attempt and frees it after a final result', async () => {
    const ledger = new InMemoryRequestIdLedger();
    const intent = { kind: 'capture' as const, paymentId: 'P', currency: 'USD', value: '100' };
    expect(await ledger.pendingRequestId(intent)).toBeUndefined();
    await ledger.begin(intent, 'CAP-1');
    await ledger.end(intent, 'CAP-1', 'unknown');
    expect(await ledger.pendingRequestId(intent)).toBe('CAP-1');
    expect(await ledger.pendingRequestId({ ...intent, value: '101' })).toBeUndefined();
    await ledger.end(intent, 'CAP-1', 'final');
    expect(await ledger.pendingRequestId(intent)).toBeUndefined();
  });
});
