/**
 * The acknowledgement a merchant returns for an Antom notification (API-FACTS a.6): HTTP 200 and
 * a JSON `result` with resultCode SUCCESS and resultStatus S. Anything else makes Antom resend
 * (f.1). One rule for everyone who has to judge an answer: the receiver (what it sends), the
 * journal (was this notification acknowledged?), replay (did the target acknowledge?) and the
 * embedded sandbox's notifier (should it resend?).
 */

/** Byte for byte what the Java SDK's PayNotifyListener sends. Never signed (a.6). */
export const ACKNOWLEDGEMENT_BODY = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

/** Only resultCode and resultStatus count; the message's wording and case do not (a.6, [INFER]). */
export function isAcknowledgement(httpStatus: number | undefined, body: string | undefined): boolean {
  if (httpStatus !== 200 || body === undefined) return false;
  if (body === ACKNOWLEDGEMENT_BODY) return true;
  try {
    const parsed: unknown = JSON.parse(body);
    const result = (parsed as { result?: { resultCode?: unknown; resultStatus?: unknown } } | null)?.result;
    return result?.resultCode === 'SUCCESS' && result.resultStatus === 'S';
  } catch {
    return false;
  }
}
