import { describe, expect, it } from 'vitest';
import { assignRowSlots } from '../../../../src-renderer/dashboards/payments-list/row-slots';

function window(first: number, length: number): number[] {
  return Array.from({ length }, (_, i) => first + i);
}

describe('assignRowSlots', () => {
  it('gives a first window slots 0..n-1 in order', () => {
    expect(assignRowSlots(new Map(), window(40, 5)).slots).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the slot of every row still in view and hands the freed slots to the rows coming in', () => {
    const first = assignRowSlots(new Map(), window(0, 5));
    const second = assignRowSlots(first.next, window(2, 5));
    // Rows 2, 3, 4 stay in slots 2, 3, 4; rows 5 and 6 take the slots of rows 0 and 1.
    expect(second.slots).toEqual([2, 3, 4, 0, 1]);
  });

  it('reuses every slot when the window jumps past its own length (a fling frame)', () => {
    const first = assignRowSlots(new Map(), window(0, 6));
    const jumped = assignRowSlots(first.next, window(100, 6));
    expect([...jumped.slots].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stays unique when the window grows or shrinks by a row', () => {
    let state = assignRowSlots(new Map(), window(0, 5));
    for (const [first, length] of [[1, 6], [3, 5], [4, 7], [10, 4], [11, 5]] as const) {
      state = assignRowSlots(state.next, window(first, length));
      expect(new Set(state.slots).size).toBe(length);
      expect(Math.max(...state.slots)).toBeLessThan(7);
    }
  });
});
