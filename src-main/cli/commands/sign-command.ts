import type { CliCommand } from '../command';
import { EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, parseCommandArgs, readFileArg, requireString, optionalString } from '../cli-args';
import { SIGNED_PARTS_OPTIONS, signedPartsFromArgs } from '../signed-parts-args';
import { parsePrivateKey } from '../../core/keys/parse-keys';
import { signRequest } from '../../core/signing/sign-request';

const usage = 'antom-ops sign --private-key FILE --client-id ID --request-time T --path P --body-file FILE [--key-version N] [--method POST] [--json]';

export const signCommand: CliCommand = {
  name: 'sign',
  summary: 'Sign a request body the way Antom expects and print the content, signature and header',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, {
      ...SIGNED_PARTS_OPTIONS,
      'private-key': { type: 'string' },
      'request-time': { type: 'string' },
      'key-version': { type: 'string' },
    }, usage);
    const key = parsePrivateKey(readFileArg(requireString(args, 'private-key', usage), 'private-key').toString('utf8'));
    const signed = signRequest(signedPartsFromArgs(args, 'request-time', usage), key.keyObject, optionalString(args, 'key-version') ?? '1');
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
