import type { CliCommandEntry } from '../command';

/**
 * Every top-level command, in the order --help lists them. Each module is imported on first use
 * (a dynamic import the build turns into its own chunk); the summary is repeated here so --help
 * loads none of them, and test/cli/command-list.test.ts keeps it equal to the command's own.
 */
export const COMMANDS: readonly CliCommandEntry[] = [
  { name: 'sign', summary: 'Sign a request body the way Antom expects and print the content, signature and header', load: async () => (await import('./sign-command')).signCommand },
  { name: 'verify', summary: 'Verify an Antom response or notification signature over the exact body bytes', load: async () => (await import('./verify-command')).verifyCommand },
  { name: 'keys', summary: 'Generate, import and inspect merchant keys held in the OS keychain', load: async () => (await import('./keys-command')).keysCommand },
  { name: 'profiles', summary: 'List, create, switch and delete merchant profiles (metadata; keys stay in the keychain)', load: async () => (await import('./profiles-command')).profilesCommand },
  { name: 'call', summary: 'Make one signed Antom call with a profile (the embedded sandbox by default) and show the verified answer', load: async () => (await import('./call-command')).callCommand },
  { name: 'sandbox', summary: 'Run the embedded Antom sandbox, act as the buyer, and inject faults', load: async () => (await import('./sandbox-command')).sandboxCommand },
  { name: 'notifications', summary: 'Receive and verify Antom notifications, list and inspect them, replay one to a URL', load: async () => (await import('./notifications-command')).notificationsCommand },
  { name: 'payments', summary: 'The Payments list from the journal: filter, sort, page, export as CSV or JSON', load: async () => (await import('./payments-command')).paymentsCommand },
  { name: 'calls', summary: 'Every Antom call the console made: list with filters, show one with request and response', load: async () => (await import('./journal-commands')).callsCommand },
  { name: 'timeline', summary: "A payment's whole story in time order, with its state and money summary", load: async () => (await import('./journal-commands')).timelineCommand },
  { name: 'export', summary: 'Export notifications or calls (filtered, redacted) as CSV or JSON', load: async () => (await import('./journal-commands')).exportCommand },
  { name: 'prune', summary: 'Delete journal records older than the retention setting and reclaim the space', load: async () => (await import('./journal-commands')).pruneCommand },
  { name: 'audit', summary: 'Who made which money-moving call: intents recorded before sending, outcomes after; list and export', load: async () => (await import('./audit-command')).auditCommand },
  { name: 'db', summary: 'The journal itself (SQLite file or shared PostgreSQL): apply migrations, show status', load: async () => (await import('./db-command')).dbCommand },
];
