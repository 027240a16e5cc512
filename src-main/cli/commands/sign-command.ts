import type { CliCommand } from '../command';
import { EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, parseCommandArgs, readFileArg, requireString, optionalString } from '../cli-args';
import { parsePrivateKey } from '../../core/keys/parse-keys';
import { signRequest } from '../../core/signing/sign-request';

const usage = 'antom-ops sign --private-key FILE --client-id ID --request-time T --path P --body-file FILE [--key-version N] [--method POST] [--json]';

export const signCommand: CliCommand = {
  name: 'sign',
  summary: 'Sign a request body the way Antom expects and print the content, signature and header',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, {
      'private-key': { type: 'string' },
      'client-id': { type: 'string' },
      'request-time': { type: 'string' },
      path: { type: 'string' },
      'body-file': { type: 'string' },
      'key-version': { type: 'string' },
      method: { type: 'string' },
    }, usage);
    const key = parsePrivateKey(readFileArg(requireString(args, 'private-key', usage), 'private-key').toString('utf8'));
    // The body file's bytes are signed exactly as they are: no trimming, no newline added.
    const body = readFileArg(requireString(args, 'body-file', usage), 'body-file');
    const signed = signRequest({
      method: optionalString(args, 'method') ?? 'POST',
      path: requireString(args, 'path', usage),
      clientId: requireString(args, 'client-id', usage),
      time: requireString(args, 'request-time', usage),
      body,
    }, key.keyObject, optionalString(args, 'key-version') ?? '1');
    if (flag(args, 'json')) {
      printJson(io, { contentToSign: signed.contentToSign, signature: signed.signature, signatureHeader: signed.signatureHeader });
    } else {
      io.out('content to sign:');
      io.out(signed.contentToSign);
      io.out('');
      printFields(io, [['signature', signed.signature], ['signature header', signed.signatureHeader]]);
    }
    return EXIT_OK;
  },
};
