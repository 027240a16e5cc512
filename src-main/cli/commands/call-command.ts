import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_NEGATIVE, EXIT_OK, EXIT_UNAVAILABLE, printFields, printJson } from '../cli-output';
import { flag, optionalString, parseCommandArgs, readJsonArg, requireString } from '../cli-args';
import { withCore } from '../cli-core';
import { ANTOM_APIS, type AntomApiName } from '../../core/client/call-record';
import type { CallOutcome } from '../../core/client';

const usage = `antom-ops call <${ANTOM_APIS.join('|')}> [--profile NAME] --body JSON_OR_@FILE [--show-request] [--json] [--data-dir DIR]`;

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
    const args = parseCommandArgs(rest, { profile: { type: 'string' }, body: { type: 'string' }, 'show-request': { type: 'boolean' } }, usage);
    const { json: body } = readJsonArg(requireString(args, 'body', usage), 'body');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ConsoleError('VALIDATION_FAILED', '--body must be a JSON object.', `Usage: ${usage}`);
    }
    const json = flag(args, 'json');
    return withCore(args, async (core) => {
      const client = await core.clientFor(optionalString(args, 'profile'));
      const opts = { trigger: 'cli' as const };
      const b = body as never;
      let outcome: CallOutcome<unknown>;
      switch (api) {
        case 'createPaymentSession': outcome = await client.createPaymentSession(b, opts); break;
        case 'inquiryPayment': outcome = await client.inquiryPayment(b, opts); break;
        case 'capture': outcome = await client.capture(b, opts); break;
        case 'cancel': outcome = await client.cancel(b, opts); break;
        case 'refund': outcome = await client.refund(b, opts); break;
        case 'inquiryRefund': outcome = await client.inquiryRefund(b, opts); break;
        case 'acceptDispute': outcome = await client.acceptDispute(b, opts); break;
        case 'supplyDefenseDocument': outcome = await client.supplyDefenseDocument(b, opts); break;
        case 'downloadDisputeEvidence': outcome = await client.downloadDisputeEvidence(b, opts); break;
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
    });
  },
};
