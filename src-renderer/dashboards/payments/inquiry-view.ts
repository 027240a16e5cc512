/** Reading an inquiryPayment response defensively: it is `unknown` on the wire, checked here. */
export interface InquiryTransaction {
  transactionType: string | undefined;
  transactionStatus: string | undefined;
  transactionId: string | undefined;
  /** The merchant's captureRequestId / refundRequestId. */
  transactionRequestId?: string | undefined;
  transactionTime: string | undefined;
  transactionAmount: { currency: string; value: string } | undefined;
  resultStatus: string | undefined;
  resultCode: string | undefined;
}

interface InquirySnapshot {
  paymentStatus: string | undefined;
  paymentResultCode: string | undefined;
  paymentId: string | undefined;
  authExpiryTime: string | undefined;
  transactions: InquiryTransaction[];
}

const record = (value: unknown): Record<string, unknown> | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function amount(value: unknown): InquiryTransaction['transactionAmount'] {
  const r = record(value);
  const currency = str(r?.currency);
  const v = str(r?.value);
  return currency && v ? { currency, value: v } : undefined;
}

export function readInquiry(response: unknown): InquirySnapshot {
  const r = record(response) ?? {};
  const list = Array.isArray(r.transactions) ? r.transactions : [];
  return {
    paymentStatus: str(r.paymentStatus),
    paymentResultCode: str(r.paymentResultCode),
    paymentId: str(r.paymentId),
    authExpiryTime: str(r.authExpiryTime),
    transactions: list.map((t) => {
      const tr = record(t) ?? {};
      const result = record(tr.transactionResult);
      return {
        transactionType: str(tr.transactionType),
        transactionStatus: str(tr.transactionStatus),
        transactionId: str(tr.transactionId),
        transactionRequestId: str(tr.transactionRequestId),
        transactionTime: str(tr.transactionTime),
        transactionAmount: amount(tr.transactionAmount),
        resultStatus: str(result?.resultStatus),
        resultCode: str(result?.resultCode),
      };
    }),
  };
}
