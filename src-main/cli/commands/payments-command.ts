/**
 * antom-ops payments list|export: the Payments list from the journal, through the same handler
 * table as the console (the journal door: no keychain needed). Filters are the shareable link's
 * params (src-shared/payments-list.ts), so `--status PAID --currency USD` is exactly the view
 * `#/payments?status=PAID&currency=USD`, and the list prints that link.
 */
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { PAYMENT_LINK_PARAMS, PAYMENT_SORTS, viewFromParams, viewToParams, type PaymentListView } from '../../../src-shared/payments-list';
import { EXIT_OK, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, parsePositiveNumber, unknownSubcommand, type ParsedCommandArgs } from '../cli-args';
import { withJournalDoor } from '../cli-core';

const FILTERS = '[--status S,..] [--since ISO] [--until ISO] [--min AMOUNT] [--max AMOUNT] [--currency CUR] [--method TYPE] [--profile NAME] [--sort ' + PAYMENT_SORTS.join('|') + ']';
const usage = [
  `antom-ops payments list ${FILTERS} [--limit N] [--cursor C] [--json] [--data-dir DIR | --database URL]`,
  `antom-ops payments export ${FILTERS} [--format csv|json] [--data-dir DIR | --database URL]   (prints the file to stdout)`,
  'with --json, list prints {"entries": [...], "nextCursor": C or null, "total": N, "link": "#/payments?..."}',
].join('\n       ');

const OPTIONS = {
  ...Object.fromEntries(PAYMENT_LINK_PARAMS.map((name) => [name, { type: 'string' as const }])),
  limit: { type: 'string' as const }, cursor: { type: 'string' as const }, format: { type: 'string' as const },
};

/** The flags as a view; a flag that does not validate is an error here (a link would drop it). */
export function viewFromArgs(args: ParsedCommandArgs): PaymentListView {
  const params = new URLSearchParams();
  for (const name of PAYMENT_LINK_PARAMS) {
    const value = optionalString(args, name);
    if (value !== undefined) params.set(name, name === 'since' || name === 'until' ? isoOrSame(value) : value);
  }
  const { view, ignored } = viewFromParams(params);
  if (ignored.length > 0) {
    const name = ignored[0]!;
    throw new ConsoleError('VALIDATION_FAILED', `--${name} "${optionalString(args, name) ?? ''}" is not a valid ${name}.`, hintFor(name), { field: name });
  }
  return view;
}

function isoOrSame(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function hintFor(name: string): string {
  switch (name) {
    case 'status': return 'Use one or more of CREATED, PROCESSING, AUTHORISED, PARTIALLY_CAPTURED, CAPTURED, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, FAILED, EXPIRED, UNKNOWN (comma-separated).';
    case 'since': case 'until': return `Use an ISO-8601 time, e.g. --${name} 2026-11-22T00:00:00Z.`;
    case 'min': case 'max': return `Use an amount in display units with a dot for decimals, e.g. --${name} 10.50.`;
    case 'currency': return 'Use a 3-letter ISO 4217 code such as USD.';
    case 'sort': return `Use one of ${PAYMENT_SORTS.join(', ')}.`;
    default: return 'Check the value (at most 64 characters).';
  }
}

function linkOf(view: PaymentListView): string {
  const query = new URLSearchParams(viewToParams(view)).toString();
  return `#/payments${query ? `?${query}` : ''}`;
}

async function list(args: ParsedCommandArgs, io: CliIo): Promise<number> {
  const view = viewFromArgs(args);
  const limit = parsePositiveNumber(optionalString(args, 'limit'), 'limit', 50);
  const cursor = optionalString(args, 'cursor');
  return withJournalDoor(args, async (door) => {
    const page = await door.call('listPayments', { filter: view.filter, sort: view.sort, page: { limit, withTotal: true, ...(cursor ? { cursor } : {}) } });
    if (flag(args, 'json')) {
      printJson(io, { entries: page.items, nextCursor: page.nextCursor ?? null, total: page.total ?? null, link: linkOf(view) });
      return EXIT_OK;
    }
    io.out(`${page.total ?? page.items.length} payments  (${linkOf(view)})`);
    for (const p of page.items) {
      const money = [p.captured && p.captured.value !== '0' ? `captured ${p.captured.display}` : '', p.refunded && p.refunded.value !== '0' ? `refunded ${p.refunded.display}` : ''].filter(Boolean).join(', ');
      io.out(`${p.createdAt}  ${p.status.padEnd(18)} ${(p.amount?.display ?? '-').padStart(16)}  ${(p.method ?? '-').padEnd(10)} ${p.key}${p.paymentId && p.paymentId !== p.key ? ` / ${p.paymentId}` : ''}${money ? `  ${money}` : ''}${p.disputes ? `  disputes ${p.disputes}` : ''}${p.failureCode ? `  ${p.failureCode}` : ''}`);
    }
    if (page.nextCursor) io.out(`more: --cursor ${page.nextCursor}`);
    return EXIT_OK;
  });
}

async function exportList(args: ParsedCommandArgs, io: CliIo): Promise<number> {
  const view = viewFromArgs(args);
  const format = optionalString(args, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new ConsoleError('VALIDATION_FAILED', `--format "${format}" is not csv or json.`, 'Pass --format csv or --format json.', { field: 'format' });
  return withJournalDoor(args, async (door) => {
    const file = await door.call('exportPayments', { filter: view.filter, sort: view.sort, format });
    io.out(file.content);
    return EXIT_OK;
  });
}

export const paymentsCommand: CliCommand = {
  name: 'payments',
  summary: 'The Payments list from the journal: filter, sort, page, export as CSV or JSON',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, OPTIONS, usage);
    switch (sub) {
      case 'list':
        return list(args, io);
      case 'export':
        return exportList(args, io);
      default:
        throw unknownSubcommand('payments', sub, usage);
    }
  },
};
