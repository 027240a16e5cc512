/**
 * `antom-ops sandbox start` runs the embedded Antom sandbox in the foreground: standalone (a
 * client-id and merchant public key on the command line) or for the embedded profile of a data
 * directory (its keys from the keychain; its URL published for `antom-ops call`).
 * The buyer-side commands on a data directory's sandbox go through the console's handler
 * (sandboxBuyerAction: the profile's read-only rule applies); with --url, a standalone sandbox
 * that belongs to no profile is driven through its control surface directly.
 */
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_OK, printFields, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, parsePort, parsePositiveNumber, readFileArg, type ParsedCommandArgs, unknownSubcommand, waitForStopSignal } from '../cli-args';
import { parsePrivateKey, parsePublicKey } from '../../core/keys/parse-keys';
import { startSandbox, type RunningSandbox } from '../../core/sandbox/start-sandbox';
import { createCore } from '../../core/compose';
import { withDoor } from '../cli-core';
import { resolveDataDir } from '../../core/data-dir';
import { clearSandboxRuntime, readSandboxRuntime, writeSandboxRuntime } from '../../core/embedded-sandbox-runtime';
import { EMBEDDED_PROFILE_NAME } from '../../core/profiles/embedded-profile';

const OUTCOMES = { pay: 'success', fail: 'fail', process: 'processing', cancel: 'cancel', expire: 'expire' } as const;

const usage = [
  'antom-ops sandbox start [--port N] [--client-id ID --merchant-public-key FILE] [--antom-private-key FILE] [--time-scale X] [--notify-url URL] [--json] [--data-dir DIR]',
  `antom-ops sandbox ${Object.keys(OUTCOMES).join('|')} <paymentRequestId|paymentId> [--result-code CODE] [--profile NAME | --url SANDBOX_URL] [--json]`,
  'antom-ops sandbox show <paymentRequestId|paymentId> [--url SANDBOX_URL] [--json]',
  'antom-ops sandbox fault --kind latency|http5xx|dropAfterApply|unknownException|missingSignature|wrongSignature [--api API] [--count N] [--latency-ms MS] [--status CODE] [--url SANDBOX_URL]',
  'antom-ops sandbox faults-clear | notifications [--url SANDBOX_URL] [--json]',
].join('\n       ');

async function startCommand(args: ParsedCommandArgs, io: CliIo): Promise<number> {
  const json = flag(args, 'json');
  const port = parsePort(optionalString(args, 'port'));
  const timeScale = parsePositiveNumber(optionalString(args, 'time-scale'), 'time-scale', 1);
  const clientId = optionalString(args, 'client-id');
  const merchantKeyFile = optionalString(args, 'merchant-public-key');
  const antomKeyFile = optionalString(args, 'antom-private-key');
  const notifyUrl = optionalString(args, 'notify-url');
  if ((clientId === undefined) !== (merchantKeyFile === undefined)) {
    throw new ConsoleError('VALIDATION_FAILED', '--client-id and --merchant-public-key go together.', 'Give both to register a merchant, or neither to use the embedded profile of the data directory.');
  }

  let sandbox: RunningSandbox;
  let dataDir: string | undefined;
  if (clientId && merchantKeyFile) {
    const merchantPublicKeyBase64 = parsePublicKey(readFileArg(merchantKeyFile, 'merchant-public-key').toString('utf8'), 'merchant public key').spkiBase64;
    sandbox = await startSandbox({
      port, timeScale,
      merchants: [{ clientId, merchantPublicKeyBase64 }],
      ...(antomKeyFile ? { antomPrivateKeyPkcs8Base64: parsePrivateKey(readFileArg(antomKeyFile, 'antom-private-key').toString('utf8')).pkcs8Base64 } : {}),
      ...(notifyUrl ? { defaultNotifyUrl: notifyUrl } : {}),
    });
  } else {
    dataDir = resolveDataDir(optionalString(args, 'data-dir'));
    const running = readSandboxRuntime(dataDir);
    if (running) {
      throw new ConsoleError('VALIDATION_FAILED', `The embedded sandbox of this data directory already runs at ${running.baseUrl} (pid ${running.pid}).`, 'Use that one, stop it first, or pass --data-dir for another data directory.');
    }
    // This process is about to run the sandbox, so it may replace that profile's missing keys.
    const core = await createCore({ dataDir, door: 'cli', ownsEmbeddedSandbox: true });
    try {
      const profile = await core.profiles.get(EMBEDDED_PROFILE_NAME);
      const embedded = (await core.profiles.list()).filter((p) => p.environment === 'embedded' && p.merchantPublicKey);
      sandbox = await startSandbox({
        port, timeScale,
        antomPrivateKeyPkcs8Base64: antomKeyFile ? parsePrivateKey(readFileArg(antomKeyFile, 'antom-private-key').toString('utf8')).pkcs8Base64 : await core.profiles.loadSandboxAntomKey(profile.name),
        merchants: embedded.map((p) => ({ clientId: p.clientId, merchantPublicKeyBase64: p.merchantPublicKey! })),
        ...(notifyUrl ? { defaultNotifyUrl: notifyUrl } : {}),
      });
      writeSandboxRuntime(dataDir, { pid: process.pid, baseUrl: sandbox.baseUrl, antomPublicKey: sandbox.antomPublicKeyBase64, profile: profile.name, startedAt: new Date().toISOString() });
    } finally {
      await core.close();
    }
  }

  const info = { baseUrl: sandbox.baseUrl, antomPublicKey: sandbox.antomPublicKeyBase64, controlUrl: `${sandbox.baseUrl}/__sandbox/`, timeScale, ...(dataDir ? { dataDir } : {}) };
  if (json) printJson(io, info);
  else {
    printFields(io, [['sandbox', sandbox.baseUrl], ['Antom public key', sandbox.antomPublicKeyBase64], ['control', info.controlUrl], ['time scale', timeScale], ['data dir', dataDir]]);
    io.out('Press Ctrl+C to stop.');
  }
  await waitForStopSignal();
  if (dataDir) clearSandboxRuntime(dataDir);
  await sandbox.close();
  return EXIT_OK;
}

function sandboxUrl(args: ParsedCommandArgs): string {
  const explicit = optionalString(args, 'url');
  if (explicit) return explicit.replace(/\/$/, '');
  const running = readSandboxRuntime(resolveDataDir(optionalString(args, 'data-dir')));
  if (!running) {
    throw new ConsoleError('NOT_FOUND', 'No running embedded sandbox was found.', 'Start one with `antom-ops sandbox start` (or open the console), or pass --url http://127.0.0.1:PORT.');
  }
  return running.baseUrl;
}

async function control(args: ParsedCommandArgs, method: string, path: string, body?: unknown): Promise<unknown> {
  const url = `${sandboxUrl(args)}/__sandbox/${path}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new ConsoleError('NETWORK_ERROR', `The sandbox at ${url} did not answer (${(error as Error).message}).`, 'Check that the sandbox is running and the URL is right.');
  }
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as { error?: { code?: string; message?: string; hint?: string } }) : {};
  if (!res.ok) {
    const e = parsed.error;
    throw new ConsoleError(res.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', e?.message ?? `The sandbox answered HTTP ${res.status}.`, e?.hint ?? 'Check the ID and the sandbox URL.');
  }
  return parsed;
}

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'Run the embedded Antom sandbox, act as the buyer, and inject faults',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {
      port: { type: 'string' }, 'client-id': { type: 'string' }, 'merchant-public-key': { type: 'string' }, 'antom-private-key': { type: 'string' },
      'time-scale': { type: 'string' }, 'notify-url': { type: 'string' }, url: { type: 'string' }, 'result-code': { type: 'string' },
      kind: { type: 'string' }, api: { type: 'string' }, count: { type: 'string' }, 'latency-ms': { type: 'string' }, status: { type: 'string' },
      profile: { type: 'string' },
    }, usage);
    const json = flag(args, 'json');
    const id = () => {
      const value = args.positionals[0];
      if (!value) throw new ConsoleError('VALIDATION_FAILED', 'Which payment? Give its paymentRequestId or paymentId.', `Usage: ${usage}`);
      return encodeURIComponent(value);
    };
    const show = (value: unknown) => (json ? printJson(io, value) : io.out(JSON.stringify(value, null, 2)));
    if (sub === 'start') return startCommand(args, io);
    if (sub !== undefined && sub in OUTCOMES) {
      const resultCode = optionalString(args, 'result-code');
      const outcome = OUTCOMES[sub as keyof typeof OUTCOMES];
      if (optionalString(args, 'url')) {
        if (optionalString(args, 'profile')) throw new ConsoleError('VALIDATION_FAILED', '--profile and --url do not go together.', 'Use --url for a standalone sandbox, or --profile (or neither) for the embedded sandbox of the data directory.');
        show(await control(args, 'POST', `payments/${id()}/pay`, { outcome, ...(resultCode ? { resultCode } : {}) }));
        return EXIT_OK;
      }
      const paymentId = args.positionals[0];
      if (!paymentId) throw new ConsoleError('VALIDATION_FAILED', 'Which payment? Give its paymentRequestId or paymentId.', `Usage: ${usage}`);
      const profile = optionalString(args, 'profile');
      // The keys are not needed to act as the buyer; a data directory without the profile yet gets none made here.
      show(await withDoor(args, (door) => door.call('sandboxBuyerAction', { id: paymentId, outcome, ...(resultCode ? { resultCode } : {}) }), {
        ...(profile !== undefined ? { profile } : {}), core: { ensureDefaultProfile: false },
      }));
      return EXIT_OK;
    }
    switch (sub) {
      case 'show': show(await control(args, 'GET', `payments/${id()}`)); return EXIT_OK;
      case 'notifications': show(await control(args, 'GET', 'notifications')); return EXIT_OK;
      case 'faults-clear': show(await control(args, 'DELETE', 'faults')); return EXIT_OK;
      case 'fault': {
        const kind = optionalString(args, 'kind');
        if (!kind) throw new ConsoleError('VALIDATION_FAILED', '--kind is required.', `Usage: ${usage}`);
        const fault: Record<string, unknown> = { kind };
        if (optionalString(args, 'api')) fault.api = optionalString(args, 'api');
        if (optionalString(args, 'count')) fault.count = parsePositiveNumber(optionalString(args, 'count'), 'count', 1);
        if (optionalString(args, 'latency-ms')) fault.latencyMs = parsePositiveNumber(optionalString(args, 'latency-ms'), 'latency-ms', 1000);
        if (optionalString(args, 'status')) fault.status = parsePositiveNumber(optionalString(args, 'status'), 'status', 503);
        show(await control(args, 'POST', 'faults', fault));
        return EXIT_OK;
      }
      default:
        throw unknownSubcommand('sandbox', sub, usage);
    }
  },
};
