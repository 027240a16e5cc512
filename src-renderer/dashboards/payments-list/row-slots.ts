/**
 * Slots for the rows of a windowed list, so React reuses row elements while it scrolls: rows
 * keyed by index are all removed and built again when a fling moves the window by more than its
 * length each frame; rows keyed by slot keep their elements and only their content changes.
 *
 * A row still in view keeps its slot; a row coming into view takes the lowest slot no row in
 * view holds (those of rows that just left). Slots are unique within one window, so they are
 * valid React keys.
 */
export function assignRowSlots(previous: ReadonlyMap<number, number>, indexes: readonly number[]): { slots: number[]; next: Map<number, number> } {
  const next = new Map<number, number>();
  const taken = new Set<number>();
  for (const index of indexes) {
    const slot = previous.get(index);
    if (slot !== undefined && !taken.has(slot)) {
      next.set(index, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  const slots = indexes.map((index) => {
    const kept = next.get(index);
    if (kept !== undefined) return kept;
    while (taken.has(free)) free++;
    taken.add(free);
    next.set(index, free);
    return free;
  });
  return { slots, next };
}
