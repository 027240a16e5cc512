/**
 * Saved views of the Payments list, kept in this browser's localStorage (not the journal): a
 * view is a person's way of looking, not a record of what Antom said, and the preview and the
 * Electron window each keep their own. A view is stored as its link params, so a saved view, a
 * shared link and an Overview drill-down are the same thing.
 */
const STORAGE_KEY = 'antom-ops.payments-list.views';

export interface SavedView {
  name: string;
  params: Record<string, string>;
}

export function loadSavedViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((v): v is SavedView => typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string' && typeof (v as SavedView).params === 'object');
  } catch {
    return [];
  }
}

/** Saving under an existing name replaces that view. */
export function saveView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const next = [...views.filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name));
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export function deleteView(views: readonly SavedView[], name: string): SavedView[] {
  const next = views.filter((v) => v.name !== name);
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}
