import { describe, expect, it } from 'vitest';
import { parseForwardTarget } from '../../../src-main/core/forwarding/forward-target';

describe('--forward-to', () => {
  it('takes an http or https URL as it is', () => {
    expect(parseForwardTarget('https://backend.internal/antom/notify')).toBe('https://backend.internal/antom/notify');
    expect(parseForwardTarget('http://127.0.0.1:8080/notify?from=relay')).toBe('http://127.0.0.1:8080/notify?from=relay');
  });

  it('refuses what is not a URL, other schemes, credentials and fragments, saying what to give instead', () => {
    for (const bad of ['backend.internal/notify', 'ftp://backend.internal/notify', 'https://ops:secret@backend.internal/notify', 'https://backend.internal/notify#x']) {
      expect(() => parseForwardTarget(bad), bad).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED', hint: expect.any(String) }));
    }
  });
});
