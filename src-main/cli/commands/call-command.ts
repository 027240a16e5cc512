/**
 * antom-ops call: one signed Antom call through the console's handler table (contract schemas,
 * read-only and production guards, the same journal records), for the active profile or the
 * one --profile names for this invocation only.
 */
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_NEGATIVE, EXIT_OK, EXIT_UNAVAILABLE, printFields, printJson } from '../cli-output';
import { flag, optionalString, parseCommandArgs, readJsonArg, requireString } from '../cli-args';
import { withDoor } from '../cli-core';
import { callOperationInput, cliConfirmationHint } from '../call-input';
import { ANTOM_APIS, type AntomApiName } from '../../../src-shared/antom-calls';
import type { CallOutcome } from '../../../src-shared/call-outcome';

const usage = `antom-ops call <${ANTOM_APIS.join('|')}> [--profile NAME] --body JSON_OR_@FILE [--confirm-amount "CUR 12.34"] [--confirm CANCEL] [--show-request] [--json] [--data-dir DIR]`;

function isApi(name: string | undefined): name is AntomApiName {
  return name !== undefined && (ANTOM_APIS as readonly string[]).includes(name);
}

export const callCommand: CliCommand = {
  name: 'call',
  summary: 'Make one signed Antom call with a profile (the embedded sandbox by default) and show the verified answer',
  usage,
  async run(argv, io) {
    const [api, ...rest] = argv;
    if (!isApi(api)) {
      throw new ConsoleError('VALIDATION_FAILED', api ? `Unknown API "${api}".` : 'Which API? None was given.', `Use one of: ${ANTOM_APIS.join(', ')}. Usage: ${usage}`);
    }
    const args = parseCommandArgs(rest, {
      profile: { type: 'string' }, body: { type: 'string' }, 'show-request': { type: 'boolean' },
      'confirm-amount': { type: 'string' }, confirm: { type: 'string' },
    }, usage);
    const { json: body } = readJsonArg(requireString(args, 'body', usage), 'body');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ConsoleError('VALIDATION_FAILED', '--body must be a JSON object.', `Usage: ${usage}`);
    }
    const { operation, input } = callOperationInput(api, body as Record<string, unknown>, {
      amount: optionalString(args, 'confirm-amount'),
      cancel: optionalString(args, 'confirm'),
    });
    const json = flag(args, 'json');
    const profile = optionalString(args, 'profile');
    return withDoor(args, async (door) => {
      let outcome: CallOutcome<unknown>;
      try {
        outcome = await door.call(operation, input);
      } catch (error) {
        throw error instanceof ConsoleError ? cliConfirmationHint(error, api) : error;
      }
      if (json) {
        printJson(io, {
          api: outcome.api, url: outcome.url, resultStatus: outcome.resultStatus, resultCode: outcome.resultCode, resultMessage: outcome.resultMessage,
          responseSignature: outcome.responseSignature, httpStatus: outcome.httpStatus, latencyMs: Math.round(outcome.latencyMs), attempts: outcome.attempts,
          requestIds: outcome.requestIds, explanation: outcome.explanation, warnings: outcome.warnings, response: outcome.response,
          request: { body: outcome.requestBody, requestTime: outcome.requestTime, contentToSign: outcome.contentToSign, signatureHeader: outcome.requestSignatureHeader },
          ...(outcome.inquiry ? { inquiry: outcome.inquiry } : {}),
        });
      } else {
        if (flag(args, 'show-request')) {
          io.out('content signed:');
          io.out(outcome.contentToSign);
          io.out(`signature: ${outcome.requestSignatureHeader}\n`);
        }
        printFields(io, [
          ['call', `${outcome.api} -> ${outcome.url}`],
          ['result', `${outcome.resultStatus} ${outcome.resultCode}${outcome.resultMessage ? ` (${outcome.resultMessage})` : ''}`],
          ['meaning', outcome.explanation.meaning],
          ['next', outcome.explanation.nextAction],
          ['response signature', outcome.responseSignature],
          ['attempts', outcome.attempts],
          ['latency', `${Math.round(outcome.latencyMs)} ms`],
        ]);
        for (const w of outcome.warnings) io.err(`warning: ${w}`);
        io.out('response:');
        io.out(JSON.stringify(outcome.response, null, 2));
      }
      if (outcome.resultStatus === 'F') return EXIT_NEGATIVE;
      if (outcome.resultStatus === 'U') return EXIT_UNAVAILABLE;
      return EXIT_OK;
    }, profile !== undefined ? { profile } : {});
  },
};
