/**
 * Reads the five Antom seed pages (../shared/antom/docs, copied verbatim into
 * test/fixtures/antom-docs so the tests run from a bare clone) and pulls out the code tables:
 * markdown tables, the HTML tables of seed 003 and the bulleted "Event codes" lists of seeds 001
 * and 004. Each row keeps its page, the group the page puts it in and the page's description.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The fixtures copy, and the shared originals when the clone sits beside ../shared (CI does). */
const fixtureDocsDir = resolve(here, '../fixtures/antom-docs');
export const sharedDocsDir = resolve(here, '../../../shared/antom/docs');

type SeedGroup = 'status' | 'error' | 'payment-result';

export interface SeedCodeRow {
  /** "000" ... "004": the file's number. */
  page: string;
  code: string;
  group: SeedGroup;
  description: string;
}

interface SeedPage {
  page: string;
  file: string;
  text: string;
}

export function readSeedPages(dir = process.env.ANTOM_SEED_DOCS ?? fixtureDocsDir): SeedPage[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_[0-9a-f]+\.txt$/.test(name))
    .sort()
    .map((file) => ({ page: file.slice(0, 3), file, text: readFileSync(join(dir, file), 'utf8') }));
}

export function sharedDocsAvailable(): boolean {
  return existsSync(sharedDocsDir);
}

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

function groupWords(text: string): SeedGroup | undefined {
  if (/status codes?|状态代码/i.test(text)) return 'status';
  if (/error codes?|错误代码/i.test(text)) return 'error';
  return undefined;
}

function clean(cell: string): string {
  return cell.replace(/\\_/g, '_').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

/** Rows of one table (cells cleaned), header first. */
type Table = string[][];

function markdownTables(text: string): Table[] {
  const tables: Table[] = [];
  let current: Table = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('|')) {
      const cells = trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|').map(clean);
      if (cells.every((c) => /^-+$/.test(c))) continue; // the | --- | separator
      current.push(cells);
    } else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

function decodeEntities(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function htmlTables(text: string): Table[] {
  return [...text.matchAll(/<table[\s\S]*?<\/table>/g)].map((match) =>
    [...match[0].matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
      [...row[0].matchAll(/<td[\s\S]*?<\/td>/g)].map((cell) => clean(decodeEntities(cell[0].replace(/<[^>]+>/g, ' ')))),
    ),
  );
}

/**
 * Code rows of a table. Event-code tables have a Type column that names the group on its first
 * row only ("Status codes | SDK_START_OF_LOADING | ..." then "SDK_END_OF_LOADING | ..."); the
 * payment-result tables start with an "Event code" header.
 */
function codeRowsOf(table: Table, page: string): SeedCodeRow[] {
  const [header, ...rows] = table;
  if (!header) return [];
  const headerText = header.join(' ').toLowerCase();
  const isTypeTable = header[0]?.toLowerCase() === 'type' && headerText.includes('code');
  const isResultTable = header[0]?.toLowerCase() === 'event code';
  if (!isTypeTable && !isResultTable) return [];
  const found: SeedCodeRow[] = [];
  let group: SeedGroup | undefined = isResultTable ? 'payment-result' : undefined;
  for (const cells of rows) {
    let rest = cells;
    const named = isTypeTable ? groupWords(cells[0] ?? '') : undefined;
    if (named) {
      group = named;
      rest = cells.slice(1);
    }
    const code = rest[0] ?? '';
    if (!CODE.test(code) || !group) continue;
    found.push({ page, code, group, description: rest.slice(1).join(' | ') });
  }
  return found;
}

/** The bulleted lists: "The SDK provides the following status codes:" then "*   `SDK_X`: text". */
function bulletRows(text: string, page: string): SeedCodeRow[] {
  const found: SeedCodeRow[] = [];
  let group: SeedGroup | undefined;
  for (const line of text.split('\n')) {
    const bullet = /^\s*\*\s+`([A-Z][A-Z0-9_]+)`\s*[:：]\s*(.*)$/.exec(line);
    if (bullet) {
      if (group && CODE.test(bullet[1]!)) found.push({ page, code: bullet[1]!, group, description: clean(bullet[2] ?? '') });
      continue;
    }
    if (/following (status|error) codes|提供以下(状态|错误)代码/.test(line)) group = groupWords(line);
    // Any other top-level text ends the list; blank and indented (nested) lines do not.
    else if (line.trim() !== '' && !/^\s/.test(line)) group = undefined;
  }
  return found;
}

/** Every code row in the tables (and table-like event code lists) of one page. */
export function seedCodeRows(page: SeedPage): SeedCodeRow[] {
  const tables = [...markdownTables(page.text), ...htmlTables(page.text)];
  return [...tables.flatMap((table) => codeRowsOf(table, page.page)), ...bulletRows(page.text, page.page)];
}

/** result.resultCode values in the pages' sample requests, responses and notifications. */
export function sampleResultCodes(page: SeedPage): string[] {
  return [...new Set([...page.text.matchAll(/"resultCode"\s*:\s*"([A-Z_]+)"/g)].map((m) => m[1]!))];
}
