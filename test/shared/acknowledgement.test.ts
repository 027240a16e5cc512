/** One acknowledgement rule (API-FACTS a.6), the one the journal, replay and the sandbox notifier use. */
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_BODY, isAcknowledgement } from '../../src-shared/acknowledgement';

describe('isAcknowledgement', () => {
  it.each([
    [200, ACKNOWLEDGEMENT_BODY, true],
    [200, '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"Success"}}', true],
    [200, ' {"result":{"resultStatus":"S","resultCode":"SUCCESS"}} ', true],
    [500, ACKNOWLEDGEMENT_BODY, false],
    [201, ACKNOWLEDGEMENT_BODY, false],
    [undefined, ACKNOWLEDGEMENT_BODY, false],
    [200, undefined, false],
    [200, '{"result":{"resultCode":"SUCCESS","resultStatus":"F","resultMessage":"success"}}', false],
    [200, '{"result":{"resultCode":"success","resultStatus":"S"}}', false],
    [200, '{"resultCode":"SUCCESS","resultStatus":"S"}', false],
    [200, 'SUCCESS', false],
    [200, 'null', false],
    [200, '', false],
  ] as const)('HTTP %s with %j -> %s', (status, body, expected) => {
    expect(isAcknowledgement(status, body)).toBe(expected);
  });
});
