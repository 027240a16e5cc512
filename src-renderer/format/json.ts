/** Pretty JSON for display; text that is not JSON is shown as it came (never re-serialised silently). */
export function prettyJson(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
