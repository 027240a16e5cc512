/**
 * The main window's size and position, remembered across runs in <dataDir>/window-state.json.
 * A missing, corrupt or off-screen state is never an error: the window just opens at the
 * default size, centred. Pure module (node:fs only).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './window-options';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = Object.freeze({ bounds: { width: 1280, height: 820 }, maximized: false });

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;

export function loadWindowState(dataDir: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE, bounds: { ...DEFAULT_WINDOW_STATE.bounds } };
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const bounds = typeof record.bounds === 'object' && record.bounds !== null ? (record.bounds as Record<string, unknown>) : {};
  const width = isInt(bounds.width) ? Math.max(bounds.width, MIN_WINDOW_WIDTH) : DEFAULT_WINDOW_STATE.bounds.width;
  const height = isInt(bounds.height) ? Math.max(bounds.height, MIN_WINDOW_HEIGHT) : DEFAULT_WINDOW_STATE.bounds.height;
  const result: WindowBounds = { width, height };
  if (isInt(bounds.x) && isInt(bounds.y)) {
    result.x = bounds.x;
    result.y = bounds.y;
  }
  return { bounds: result, maximized: record.maximized === true };
}

/** Written to a temp file and renamed, so a crash mid-write never leaves half a JSON file. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * Drop the remembered position when the window would not be reachable on any current display
 * (a monitor was unplugged): at least 100x50 px of its top must lie inside some work area.
 */
export function fitBoundsToDisplays(bounds: WindowBounds, workAreas: readonly Rectangle[]): WindowBounds {
  if (bounds.x === undefined || bounds.y === undefined) return bounds;
  const { x, y, width } = bounds;
  const visible = workAreas.some((area) => {
    const overlapWidth = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapHeight = Math.min(y + 50, area.y + area.height) - Math.max(y, area.y);
    return overlapWidth >= 100 && overlapHeight >= 50;
  });
  return visible ? bounds : { width: bounds.width, height: bounds.height };
}
