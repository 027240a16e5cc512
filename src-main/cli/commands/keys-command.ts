import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, optionalString, parseCommandArgs, readFileArg, requireString, unknownSubcommand } from '../cli-args';
import { withDoor } from '../cli-core';
import { generateRsaKeyPair, toPem } from '../../core/keys/generate-key-pair';
import { writeFileSync } from 'node:fs';
import { profileNamed } from './profiles-command';

const usage = [
  'antom-ops keys generate --profile NAME [--session-only] [--json]      (stores the private key in the keychain, prints the public key to upload)',
  'antom-ops keys generate --out-private FILE [--json]                   (no profile: writes a PKCS#8 PEM file with mode 0600)',
  'antom-ops keys import --profile NAME --private-key FILE [--session-only] [--replace] [--json]',
  'antom-ops keys public --profile NAME [--pem] [--json]                  (the merchant public key to upload to Antom Dashboard)',
  'antom-ops keys list [--json]                                          (which profiles have a key, and where)',
  'antom-ops keys status [--json]                                        (is the OS keychain reachable, and if not why)',
  'all accept --data-dir DIR',
].join('\n       ');

export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'Generate, import and inspect merchant keys held in the OS keychain',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {
      profile: { type: 'string' }, 'private-key': { type: 'string' }, 'session-only': { type: 'boolean' },
      replace: { type: 'boolean' }, pem: { type: 'boolean' }, 'out-private': { type: 'string' },
    }, usage);
    const json = flag(args, 'json');
    const sessionOnly = flag(args, 'session-only');

    if (sub === 'generate' && !optionalString(args, 'profile')) {
      const out = requireString(args, 'out-private', usage);
      const pair = await generateRsaKeyPair();
      writeFileSync(out, toPem(pair.pkcs8Base64, 'PRIVATE KEY'), { mode: 0o600, flag: 'wx' });
      if (json) printJson(io, { privateKeyFile: out, merchantPublicKey: pair.publicKeyBase64 });
      else printFields(io, [['private key written to', `${out} (mode 0600; keep it secret)`], ['public key to upload', pair.publicKeyBase64]]);
      return EXIT_OK;
    }

    return withDoor(args, async (door) => {
      switch (sub) {
        case 'generate': {
          const profile = requireString(args, 'profile', usage);
          const result = await door.call('generateKeyPair', { profile, ...(sessionOnly ? { sessionOnly } : {}) });
          if (json) printJson(io, { profile, merchantPublicKey: result.merchantPublicKey, storage: sessionOnly ? 'session' : 'keychain' });
          else {
            io.out(`Generated an RSA-2048 key pair for "${profile}"; the private key is ${sessionOnly ? 'kept in memory for this process only' : 'in the OS keychain'}.`);
            io.out('Upload this public key in Antom Dashboard (Developer > Quick start > Integration resources):\n');
            io.out(result.merchantPublicKey);
          }
          return EXIT_OK;
        }
        case 'import': {
          const profile = requireString(args, 'profile', usage);
          const text = readFileArg(requireString(args, 'private-key', usage), 'private-key').toString('utf8');
          const result = await door.call('importPrivateKey', { profile, keyText: text, ...(sessionOnly ? { sessionOnly } : {}), ...(flag(args, 'replace') ? { replaceExisting: true } : {}) });
          if (json) printJson(io, { profile, merchantPublicKey: result.merchantPublicKey, storage: sessionOnly ? 'session' : 'keychain' });
          else printFields(io, [['imported for', profile], ['stored in', sessionOnly ? 'session memory only' : 'the OS keychain'], ['merchant public key', result.merchantPublicKey]]);
          return EXIT_OK;
        }
        case 'public': {
          const p = profileNamed(await door.call('listProfiles', {}), requireString(args, 'profile', usage));
          if (!p.merchantPublicKey) throw new ConsoleError('KEY_MISSING', `Profile "${p.name}" has no merchant key yet.`, 'Import one with `antom-ops keys import` or generate one with `antom-ops keys generate`.');
          if (json) printJson(io, { profile: p.name, merchantPublicKey: p.merchantPublicKey });
          else io.out(flag(args, 'pem') ? toPem(p.merchantPublicKey, 'PUBLIC KEY') : p.merchantPublicKey);
          return EXIT_OK;
        }
        case 'list': {
          const list = (await door.call('listProfiles', {})).map((p) => ({ profile: p.name, keyStorage: p.keyStorage, merchantPublicKey: p.merchantPublicKey }));
          if (json) printJson(io, list);
          else for (const k of list) io.out(`${k.profile.padEnd(24)} ${k.keyStorage}`);
          return EXIT_OK;
        }
        case 'status': {
          const status = (await door.call('getAppStatus', {})).keychain;
          if (json) printJson(io, status);
          else printFields(io, [['backend', status.description], ['available', status.available ? 'yes' : 'no'], ['problem', status.error?.message], ['what to do', status.error?.hint]]);
          return EXIT_OK;
        }
        default:
          throw unknownSubcommand('keys', sub, usage);
      }
    }, { core: { ensureDefaultProfile: sub !== 'status' } });
  },
};
