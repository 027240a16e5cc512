import type { CliCommand } from '../command';
import { EXIT_NEGATIVE, EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, parseCommandArgs, readFileArg, requireString } from '../cli-args';
import { SIGNED_PARTS_OPTIONS, signedPartsFromArgs } from '../signed-parts-args';
import { parsePublicKey } from '../../core/keys/parse-keys';
import { verifySignature } from '../../core/signing/verify-signature';

const usage = 'antom-ops verify --public-key FILE --client-id ID --time T --path P --body-file FILE --signature HEADER_OR_VALUE [--method POST] [--json]';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Verify an Antom response or notification signature over the exact body bytes',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, {
      ...SIGNED_PARTS_OPTIONS,
      'public-key': { type: 'string' },
      time: { type: 'string' },
      signature: { type: 'string' },
    }, usage);
    const key = parsePublicKey(readFileArg(requireString(args, 'public-key', usage), 'public-key').toString('utf8'));
    const result = verifySignature(signedPartsFromArgs(args, 'time', usage), requireString(args, 'signature', usage), key.keyObject);
    if (flag(args, 'json')) {
      printJson(io, { valid: result.valid, reason: result.valid ? undefined : result.reason, contentToSign: result.contentToSign });
    } else {
      printFields(io, [['valid', result.valid ? 'yes' : 'NO'], ['reason', result.valid ? undefined : result.reason]]);
      io.out('content verified:');
      io.out(result.contentToSign);
    }
    return result.valid ? EXIT_OK : EXIT_NEGATIVE;
  },
};
