import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src-main/core/journal/export-format';

describe('CSV cells', () => {
  it('are escaped the way RFC 4180 says, with formula text neutralised', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
});
