import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMOUNT_SCENARIOS, ID_SCENARIOS, SCENARIO_SOURCES, STATE_SCENARIOS } from '../../src-main/core/sandbox/scenarios';

const doc = readFileSync(new URL('../../docs/sandbox-scenarios.md', import.meta.url), 'utf8');
const rows = doc.split('\n').filter((l) => l.startsWith('|'));

describe('docs/sandbox-scenarios.md', () => {
  it('lists every amount scenario the code knows, with its result code and source page', () => {
    for (const s of AMOUNT_SCENARIOS) {
      const api = s.api === 'pay' ? 'buyer `pay`' : s.api;
      const row = rows.find((r) => r.startsWith(`| ${api} |`) && r.includes(`| \`${s.amountEndsWith}\` |`));
      expect(row, `${s.api} ${s.amountEndsWith}`).toBeDefined();
      const code = s.effect.resultCode;
      if (code) expect(row, `${s.api} ${s.amountEndsWith}`).toContain(`\`${code}\``);
      if (s.effect.type === 'inProcess') expect(row).toContain(s.effect.finalStatus === 'SUCCESS' ? 'SUCCESS' : s.effect.finalResultCode);
      if (s.effect.type === 'reject') expect(row).toContain(`${s.effect.resultStatus ?? 'F'} \`${code}\``);
      expect(row, `${s.api} ${s.amountEndsWith} source`).toContain(SCENARIO_SOURCES[s.api]);
    }
  });

  it('lists every state and gateway scenario with its status, code and source page', () => {
    for (const s of STATE_SCENARIOS) {
      const row = rows.find((r) => r.startsWith(`| ${s.api} | ${s.resultStatus} \`${s.resultCode}\` |`));
      expect(row, `${s.api} ${s.resultCode}`).toBeDefined();
      expect(row).toContain(SCENARIO_SOURCES[s.api]);
    }
  });

  it('lists every ID prefix', () => {
    for (const prefix of Object.values(ID_SCENARIOS)) expect(rows.some((r) => r.includes(`\`${prefix}\``) && r.includes(SCENARIO_SOURCES.capture))).toBe(true);
  });

  it('says what the sandbox does not model', () => {
    expect(doc).toMatch(/## What the sandbox does not model\n/);
  });
});

describe('docs/sandbox-scenarios.md: disputes', () => {
  it('lists every dispute amount scenario with its judged result', async () => {
    const { DISPUTE_SCENARIOS } = await import('../../src-main/core/sandbox/dispute-scenarios');
    for (const s of DISPUTE_SCENARIOS) {
      const row = rows.find((r) => r.startsWith(`| \`${s.amountEndsWith}\` |`));
      expect(row, s.amountEndsWith).toBeDefined();
      expect(row, s.amountEndsWith).toContain(s.disputeType);
      expect(row, s.amountEndsWith).toContain(s.buyerCancels ? 'DISPUTE_CANCELLED' : s.judgedAfterDefense);
    }
  });

  it('lists every result code the dispute knowledge base has', async () => {
    const { DISPUTE_CODES } = await import('../../src-shared/knowledge/dispute-codes');
    for (const entry of DISPUTE_CODES.filter((e) => e.kind === 'api-result')) expect(rows.some((r) => r.includes(`\`${entry.code}\``)), entry.code).toBe(true);
  });
});
