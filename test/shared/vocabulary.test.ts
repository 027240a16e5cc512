/**
 * The vocabulary is declared once (src-shared/vocabulary.ts); these tests check that every door
 * and table that speaks it derives from the same arrays: the contract's zod enums, the CLI flags,
 * the sandbox's fault schema, the wire schemas, the renderer's words and the knowledge base.
 */
import { describe, expect, it } from 'vitest';
import {
  ANTOM_APIS, CALL_TRIGGERS, ENVIRONMENTS, NOTIFICATION_VERIFICATIONS, NOTIFY_TYPES, REJECT_REASONS, RESPONSE_SIGNATURE_LABELS,
  RESULT_STATUSES, RESULT_STATUS_FILTERS,
} from '../../src-shared/vocabulary';
import { callFilterSchema, environmentSchema, notificationFilterSchema, operations } from '../../src-shared/contract';
import { requestSchemas, responseSchemas, resultSchema } from '../../src-shared/antom';
import { explainResultCode, findCodesInText } from '../../src-shared/knowledge';
import { callFilterFromArgs, notificationFilterFromArgs } from '../../src-main/cli/journal-filter-args';
import { normaliseFaults } from '../../src-main/core/sandbox/faults';
import { REJECT_REASON_WORDS } from '../../src-renderer/dashboards/notifications/notification-words';

const ALL_LISTS = { ANTOM_APIS, NOTIFY_TYPES, REJECT_REASONS, ENVIRONMENTS, RESULT_STATUSES, RESULT_STATUS_FILTERS, CALL_TRIGGERS, RESPONSE_SIGNATURE_LABELS, NOTIFICATION_VERIFICATIONS };

/** Accepted words of a schema, tried one by one: what a door would let through. */
function accepted(parse: (word: string) => boolean, words: readonly string[]): string[] {
  return words.filter(parse);
}

describe('the vocabulary', () => {
  it.each(Object.entries(ALL_LISTS))('%s has no duplicates and no empty words', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word.trim()).toBe(word);
    expect(list.length).toBeGreaterThan(0);
  });

  it('the contract enums are exactly the vocabulary arrays', () => {
    expect(environmentSchema.options).toEqual([...ENVIRONMENTS]);
    const call = (filter: unknown) => callFilterSchema.safeParse(filter).success;
    const note = (filter: unknown) => notificationFilterSchema.safeParse(filter).success;
    const probe = ['nope', 'S ', 'production2', ''];
    expect(accepted((w) => call({ api: w }), [...ANTOM_APIS, ...probe])).toEqual([...ANTOM_APIS]);
    expect(accepted((w) => call({ api: [w] }), [...ANTOM_APIS, ...probe])).toEqual([...ANTOM_APIS]);
    expect(accepted((w) => call({ resultStatus: w }), [...RESULT_STATUS_FILTERS, ...probe])).toEqual([...RESULT_STATUS_FILTERS]);
    expect(accepted((w) => call({ trigger: w }), [...CALL_TRIGGERS, ...probe])).toEqual([...CALL_TRIGGERS]);
    expect(accepted((w) => call({ responseSignature: w }), [...RESPONSE_SIGNATURE_LABELS, ...probe])).toEqual([...RESPONSE_SIGNATURE_LABELS]);
    expect(accepted((w) => note({ notifyType: w }), [...NOTIFY_TYPES, ...probe])).toEqual([...NOTIFY_TYPES]);
    expect(accepted((w) => note({ rejectReason: [w] }), [...REJECT_REASONS, ...probe])).toEqual([...REJECT_REASONS]);
    expect(accepted((w) => note({ verification: w }), [...NOTIFICATION_VERIFICATIONS, ...probe])).toEqual([...NOTIFICATION_VERIFICATIONS]);
  });

  it('every API has a contract operation, a request schema and a response schema', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...ANTOM_APIS].sort());
    expect(Object.keys(responseSchemas).sort()).toEqual([...ANTOM_APIS].sort());
    for (const api of ANTOM_APIS) expect(Object.keys(operations)).toContain(api);
  });

  it('Antom result objects accept exactly the result statuses', () => {
    const parses = (status: string) => resultSchema.safeParse({ resultCode: 'X', resultStatus: status }).success;
    expect(accepted(parses, [...RESULT_STATUSES, 'none', 's', 'SUCCESS'])).toEqual([...RESULT_STATUSES]);
  });

  it('the CLI flags accept every word and refuse others with the list', () => {
    const args = (values: Record<string, string>) => ({ values, positionals: [] });
    expect(callFilterFromArgs(args({ api: ANTOM_APIS.join(',') })).api).toEqual([...ANTOM_APIS]);
    expect(notificationFilterFromArgs(args({ type: NOTIFY_TYPES.join(',') })).notifyType).toEqual([...NOTIFY_TYPES]);
    expect(notificationFilterFromArgs(args({ 'reject-reason': REJECT_REASONS.join(',') })).rejectReason).toEqual([...REJECT_REASONS]);
    for (const status of RESULT_STATUS_FILTERS) expect(callFilterFromArgs(args({ 'result-status': status })).resultStatus).toBe(status);
    for (const trigger of CALL_TRIGGERS) expect(callFilterFromArgs(args({ trigger })).trigger).toBe(trigger);
    expect(() => callFilterFromArgs(args({ api: 'refunds' }))).toThrow(ANTOM_APIS.join(', '));
  });

  it('the sandbox can aim a fault at every API and at nothing else', () => {
    for (const api of ANTOM_APIS) expect(normaliseFaults({ kind: 'unknownException', api })[0]).toMatchObject({ api });
    expect(() => normaliseFaults({ kind: 'unknownException', api: 'refunds' })).toThrow();
  });

  it('the troubleshooter recognises every API in a pasted path', () => {
    for (const api of ANTOM_APIS) {
      const [mention] = findCodesInText(`POST /ams/api/v1/payments/${api} -> {"result":{"resultCode":"SUCCESS"}}`);
      expect(mention?.explanation).toEqual(explainResultCode('SUCCESS', api));
    }
  });

  it('the page has words for every reject reason', () => {
    expect(Object.keys(REJECT_REASON_WORDS).sort()).toEqual([...REJECT_REASONS].sort());
  });
});
