/** Temp-dir journals and real-looking call/notification records for the journal tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AntomApiName, CallRecord } from '../../../src-main/core/client/call-record';
import type { ReceivedNotification } from '../../../src-main/core/journal/journal-types';
import type { Journal } from '../../../src-main/core/journal/journal';
import { openJournal, type SqliteJournalConfig } from '../../../src-main/core/journal/open-journal';
import type { ResultStatus } from '../../../src-shared/vocabulary';

export interface TempJournal {
  dir: string;
  journal: Journal;
  reopen(options?: Partial<SqliteJournalConfig>): Promise<Journal>;
  cleanup(): Promise<void>;
}

/** A SQLite journal in a fresh temp data directory, opened through the engine factory. */
export async function tempJournal(options: Partial<SqliteJournalConfig> = {}): Promise<TempJournal> {
  const dir = mkdtempSync(join(tmpdir(), 'journal-test-'));
  const state: TempJournal = {
    dir,
    journal: await openJournal({ dataDir: dir, ...options }),
    async reopen(more = {}) {
      await state.journal.close();
      state.journal = await openJournal({ dataDir: dir, ...options, ...more });
      return state.journal;
    },
    async cleanup() {
      await state.journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return state;
}

const PATHS: Record<AntomApiName, string> = {
  createPaymentSession: '/ams/api/v1/payments/createPaymentSession',
  inquiryPayment: '/ams/api/v1/payments/inquiryPayment',
  capture: '/ams/api/v1/payments/capture',
  cancel: '/ams/api/v1/payments/cancel',
  refund: '/ams/api/v1/payments/refund',
  inquiryRefund: '/ams/api/v1/payments/inquiryRefund',
  acceptDispute: '/ams/api/v1/payments/acceptDispute',
  supplyDefenseDocument: '/ams/api/v1/payments/supplyDefenseDocument',
  downloadDisputeEvidence: '/ams/api/v1/payments/downloadDisputeEvidence',
};

export function call(api: AntomApiName, at: string, request: object, response: object | undefined, overrides: Partial<CallRecord> = {}): CallRecord {
  const res = response as { result?: { resultStatus?: ResultStatus; resultCode?: string; resultMessage?: string } } | undefined;
  const req = request as Record<string, string | undefined>;
  const resIds = (response ?? {}) as Record<string, unknown>;
  const pick = (k: string): string | undefined => (typeof req[k] === 'string' ? req[k] : typeof resIds[k] === 'string' ? (resIds[k] as string) : undefined);
  const order = (request as { order?: { referenceOrderId?: string } }).order;
  return {
    attemptId: randomUUID(),
    callId: randomUUID(),
    attempt: 1,
    startedAt: at,
    profile: 'sandbox-jp',
    environment: 'embedded',
    api,
    url: `http://127.0.0.1:9999${PATHS[api]}`,
    path: PATHS[api],
    clientId: 'SANDBOX_5YBZ1234',
    requestTime: String(Date.parse(at)),
    requestBody: JSON.stringify(request),
    requestSignatureHeader: 'algorithm=RSA256,keyVersion=1,signature=abc%3D',
    httpStatus: response ? 200 : undefined,
    responseHeaders: response ? { 'content-type': 'application/json' } : undefined,
    responseBody: response ? JSON.stringify(response) : undefined,
    responseSignature: response ? 'verified' : undefined,
    latencyMs: 42,
    resultStatus: res?.result?.resultStatus,
    resultCode: res?.result?.resultCode,
    resultMessage: res?.result?.resultMessage,
    errorCode: response ? undefined : 'TIMEOUT',
    errorMessage: response ? undefined : 'No answer within 15 s',
    ids: {
      paymentRequestId: pick('paymentRequestId'),
      paymentId: pick('paymentId'),
      captureRequestId: pick('captureRequestId'),
      captureId: pick('captureId'),
      refundRequestId: pick('refundRequestId'),
      refundId: pick('refundId'),
      referenceOrderId: order?.referenceOrderId,
    },
    trigger: 'user',
    ...overrides,
  };
}

export const OK = { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } as const;

type NotifyBody = Record<string, unknown> & { notifyType: string };

/** A notification as the receiver hands it over: verified unless told otherwise. */
export function notification(body: NotifyBody | string, at: string, overrides: Partial<ReceivedNotification> = {}): ReceivedNotification {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const b = (typeof body === 'string' ? {} : body) as Record<string, unknown>;
  const result = (b.result ?? {}) as { resultStatus?: string; resultCode?: string };
  const amount = (b.paymentAmount ?? b.captureAmount ?? b.refundAmount) as { value: string; currency: string } | undefined;
  const notifyType = (typeof b.notifyType === 'string' ? b.notifyType : 'UNKNOWN') as ReceivedNotification['notifyType'];
  const status = typeof b.refundStatus === 'string' ? b.refundStatus : notifyType === 'PAYMENT_PENDING' ? 'PENDING' : result.resultStatus === 'S' ? 'SUCCESS' : result.resultStatus === 'F' ? 'FAIL' : undefined;
  const mainId = (b.refundId ?? b.captureId ?? b.paymentId) as string | undefined;
  const path = '/antom/notify';
  return {
    receivedAt: at,
    receiverPath: path,
    remoteAddress: '127.0.0.1',
    headers: { 'client-id': 'SANDBOX_5YBZ1234', 'request-time': String(Date.parse(at)), signature: 'algorithm=RSA256,keyVersion=1,signature=xyz%3D', 'content-type': 'application/json' },
    rawBody: Buffer.from(text, 'utf8'),
    profile: 'sandbox-jp',
    verification: 'verified',
    rejectReason: undefined,
    rejectDetail: undefined,
    contentVerified: `POST ${path}\nSANDBOX_5YBZ1234.${Date.parse(at)}.${text}`,
    notifyType,
    dedupKey: mainId ? `${notifyType}|${mainId}|${status ?? ''}` : undefined,
    ids: {
      paymentRequestId: b.paymentRequestId as string | undefined,
      paymentId: b.paymentId as string | undefined,
      captureRequestId: b.captureRequestId as string | undefined,
      captureId: b.captureId as string | undefined,
      refundRequestId: b.refundRequestId as string | undefined,
      refundId: b.refundId as string | undefined,
    },
    resultStatus: result.resultStatus,
    resultCode: result.resultCode,
    status,
    amountValue: amount?.value,
    amountCurrency: amount?.currency,
    ...overrides,
  };
}

export const ACK = { httpStatus: 200, body: '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}' };
