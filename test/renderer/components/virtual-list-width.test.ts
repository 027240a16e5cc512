/**
 * The windowed grid's narrowest width (issue 9: at 900 px the Notifications columns pushed the
 * whole page sideways). Below it the grid scrolls inside itself, so the figure must count every
 * track's px minimum, the gaps between tracks and the row padding.
 */
import { describe, expect, it } from 'vitest';
import { columnsMinWidth } from '../../../src-renderer/components/virtual-list-width';

describe('columnsMinWidth', () => {
  it('adds fixed tracks, minmax minimums, gaps and padding', () => {
    const columns = [
      { key: 'a', header: 'A', width: '125px' },
      { key: 'b', header: 'B', width: 'minmax(110px, 1fr)' },
      { key: 'c', header: 'C', width: '50px' },
    ];
    expect(columnsMinWidth(columns)).toBe(125 + 110 + 50 + 2 * 8 + 16);
  });

  it('counts a track with no px minimum as zero', () => {
    expect(columnsMinWidth([{ width: '1fr' }])).toBe(16);
  });
});
