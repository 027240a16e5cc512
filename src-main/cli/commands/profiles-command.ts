import type { CliCommand } from '../command';
import type { ProfileSummary } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_OK, printFields, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, readFileArg, requireString, unknownSubcommand } from '../cli-args';
import { withDoor } from '../cli-core';

const usage = [
  'antom-ops profiles list [--json]',
  'antom-ops profiles show NAME [--json]',
  'antom-ops profiles create --name NAME --environment sandbox|production|embedded --region SG|NA|EU|US|CUSTOM [--base-url URL]',
  '                          --client-id ID [--key-version N] [--antom-public-key FILE] [--notify-url URL] [--read-only] [--json]',
  'antom-ops profiles use NAME',
  'antom-ops profiles set-antom-key NAME --antom-public-key FILE',
  'antom-ops profiles delete NAME   (also deletes its keychain items)',
  'antom-ops profiles repair        (moves an unreadable profiles.json aside so the console can start fresh)',
  'all accept --data-dir DIR',
].join('\n       ');

export function describeProfile(io: CliIo, p: ProfileSummary): void {
  printFields(io, [
    ['profile', `${p.name}${p.active ? ' (active)' : ''}`],
    ['environment', p.environment],
    ['region', p.region],
    ['gateway', p.baseUrl],
    ['client-id', p.clientId],
    ['key version', p.keyVersion],
    ['private key', p.keyStorage === 'keychain' ? 'in the OS keychain' : p.keyStorage === 'session' ? 'session memory only (gone when this process exits)' : 'MISSING: import or generate one'],
    ['merchant public key', p.merchantPublicKey],
    ['Antom public key', p.antomPublicKey ?? 'not set: responses will be labelled unverified'],
    ['notify URL', p.notifyUrl],
    ['read-only', p.readOnly ? 'yes (money-moving actions are refused)' : undefined],
  ]);
}

/** One profile from the handler table's list, with the error ProfileService gives for an unknown name. */
export function profileNamed(list: readonly ProfileSummary[], name: string): ProfileSummary {
  const found = list.find((p) => p.name === name);
  if (!found) {
    throw new ConsoleError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`, 'List profiles with `antom-ops profiles list`, or create one with `antom-ops profiles create`.', { name });
  }
  return found;
}

export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'List, create, switch and delete merchant profiles (metadata; keys stay in the keychain)',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {
      name: { type: 'string' }, environment: { type: 'string' }, region: { type: 'string' }, 'base-url': { type: 'string' },
      'client-id': { type: 'string' }, 'key-version': { type: 'string' }, 'antom-public-key': { type: 'string' },
      'notify-url': { type: 'string' }, 'read-only': { type: 'boolean' },
    }, usage);
    const json = flag(args, 'json');
    const nameArg = () => {
      const name = args.positionals[0] ?? optionalString(args, 'name');
      if (!name) throw new ConsoleError('VALIDATION_FAILED', 'Which profile? No name was given.', `Usage: ${usage}`);
      return name;
    };
    return withDoor(args, async (door) => {
      switch (sub) {
        case 'list': {
          const list = await door.call('listProfiles', {});
          if (json) printJson(io, list);
          else for (const p of list) io.out(`${p.active ? '*' : ' '} ${p.name.padEnd(24)} ${p.environment.padEnd(10)} ${p.clientId.padEnd(28)} key: ${p.keyStorage}`);
          return EXIT_OK;
        }
        case 'show': {
          const p = profileNamed(await door.call('listProfiles', {}), nameArg());
          if (json) printJson(io, p); else describeProfile(io, p);
          return EXIT_OK;
        }
        case 'create': {
          const antomKeyFile = optionalString(args, 'antom-public-key');
          const environment = requireString(args, 'environment', usage);
          const region = optionalString(args, 'region') ?? (environment === 'embedded' ? 'LOCAL' : undefined);
          const created = await door.call('createProfile', {
            name: requireString(args, 'name', usage),
            environment,
            region: region ?? requireString(args, 'region', usage),
            clientId: requireString(args, 'client-id', usage),
            ...(optionalString(args, 'base-url') ? { baseUrl: optionalString(args, 'base-url')! } : {}),
            ...(optionalString(args, 'key-version') ? { keyVersion: optionalString(args, 'key-version')! } : {}),
            ...(antomKeyFile ? { antomPublicKey: readFileArg(antomKeyFile, 'antom-public-key').toString('utf8') } : {}),
            ...(optionalString(args, 'notify-url') ? { notifyUrl: optionalString(args, 'notify-url')! } : {}),
            ...(flag(args, 'read-only') ? { readOnly: true } : {}),
          });
          if (json) printJson(io, created);
          else {
            describeProfile(io, created.profile);
            for (const w of created.warnings) io.err(`warning: ${w}`);
            io.out('\nNext: add the merchant private key with `antom-ops keys import --profile NAME --private-key FILE` or generate one with `antom-ops keys generate --profile NAME`.');
          }
          return EXIT_OK;
        }
        case 'use': {
          const p = await door.call('setActiveProfile', { name: nameArg() });
          if (json) printJson(io, p); else io.out(`Active profile: ${p.name}`);
          return EXIT_OK;
        }
        case 'set-antom-key': {
          const p = await door.call('setAntomPublicKey', { profile: nameArg(), keyText: readFileArg(requireString(args, 'antom-public-key', usage), 'antom-public-key').toString('utf8') });
          if (json) printJson(io, p); else describeProfile(io, p);
          return EXIT_OK;
        }
        case 'repair': {
          // No console operation: the console cannot start on an unreadable file, this is how it is fixed.
          const { movedTo } = await door.core.profiles.store.repair();
          if (json) printJson(io, { movedTo: movedTo ?? null });
          else io.out(movedTo ? `Moved the unreadable profiles file to ${movedTo}; keychain items are untouched.` : 'profiles.json is readable; nothing to repair.');
          return EXIT_OK;
        }
        case 'delete': {
          const name = nameArg();
          await door.call('deleteProfile', { name });
          if (json) printJson(io, { deleted: name }); else io.out(`Deleted profile "${name}" and its keychain items.`);
          return EXIT_OK;
        }
        default:
          throw unknownSubcommand('profiles', sub, usage);
      }
    }, { core: { ensureDefaultProfile: sub !== 'repair' } });
  },
};
