/**
 * The Antom APIs the sandbox serves (six payment APIs and three dispute APIs), on both path families (API-FACTS b.2): production
 * `/ams/api/v1/payments/<api>` and sandbox `/ams/sandbox/api/v1/payments/<api>`.
 */
import type { AntomApiName } from '../client/call-record';
import type { AntomAnswer } from './antom-answer';
import type { Fields } from './body-fields';
import { cancelPayment, createPaymentSession, inquiryPayment } from './state/payments';
import { capture, inquiryRefund, refund } from './state/captures-refunds';
import { acceptDispute, downloadDisputeEvidence, supplyDefenseDocument } from './state/disputes';
import type { SandboxContext } from './state/store';

type ApiHandler = (ctx: SandboxContext, clientId: string, fields: Fields) => AntomAnswer;

export const API_HANDLERS: Record<AntomApiName, ApiHandler> = {
  createPaymentSession,
  inquiryPayment,
  capture,
  cancel: cancelPayment,
  refund,
  inquiryRefund,
  acceptDispute,
  supplyDefenseDocument,
  downloadDisputeEvidence,
};

const API_PATH = /^\/ams(?:\/sandbox)?\/api\/v1\/payments\/([A-Za-z]+)$/;

export function matchAntomApi(pathname: string): AntomApiName | undefined {
  const name = API_PATH.exec(pathname)?.[1];
  return name !== undefined && Object.hasOwn(API_HANDLERS, name) ? (name as AntomApiName) : undefined;
}
