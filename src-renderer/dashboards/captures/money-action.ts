/**
 * One money-moving intent (a capture or a refund) and its request ID. The ID is minted here,
 * once per intent, so "Retry safely" after an unknown outcome resends the SAME ID: Antom then
 * answers with the first attempt's result instead of moving the money twice (API-FACTS
 * idempotency). A new intent (a different amount, another payment) gets a new ID.
 */
import { useState, type FormEvent } from 'react';
import { newRequestId } from '../../../src-shared/request-ids';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import type { ConsoleErrorShape } from '../../../src-shared/errors';
import { errorShapeOf } from '../../bridge/client';
import { displayOf, parseDisplayAmount } from './amount-typing';

/** Errors after which Antom may or may not have acted: only a same-ID resend or an inquiry tells. */
const UNKNOWN_ERROR_CODES = new Set(['NETWORK_ERROR', 'TIMEOUT', 'ANTOM_UNKNOWN', 'HTTP_ERROR', 'RESPONSE_NOT_JSON', 'RESPONSE_SIGNATURE_INVALID']);

interface MoneyIntent {
  requestId: string;
  amount: { currency: string; value: string };
  confirmation: string | undefined;
}

interface MoneyActionState {
  intent: MoneyIntent | undefined;
  outcome: CallOutcome<unknown> | undefined;
  error: ConsoleErrorShape | undefined;
  /** The last attempt may or may not have moved money: offer "Retry safely". */
  unknown: boolean;
}

function isUnknownOutcome(outcome: CallOutcome<unknown> | undefined, error: ConsoleErrorShape | undefined): boolean {
  if (outcome) return outcome.resultStatus === 'U';
  return error !== undefined && UNKNOWN_ERROR_CODES.has(error.code);
}

/** `onSuccess` runs once Antom answered S: the form clears its fields so the old amount cannot be sent twice by accident. */
export function useMoneyAction(send: (intent: MoneyIntent) => Promise<CallOutcome<unknown>>, onSuccess?: () => void) {
  const [state, setState] = useState<MoneyActionState>({ intent: undefined, outcome: undefined, error: undefined, unknown: false });
  const [busy, setBusy] = useState(false);

  const run = async (intent: MoneyIntent) => {
    setBusy(true);
    setState({ intent, outcome: undefined, error: undefined, unknown: false });
    try {
      const outcome = await send(intent);
      setState({ intent, outcome, error: undefined, unknown: isUnknownOutcome(outcome, undefined) });
      if (outcome.resultStatus === 'S') onSuccess?.();
    } catch (thrown) {
      const error = errorShapeOf(thrown);
      setState({ intent, outcome: undefined, error, unknown: isUnknownOutcome(undefined, error) });
    } finally {
      setBusy(false);
    }
  };

  return {
    ...state,
    busy,
    start: (intent: MoneyIntent) => void run(intent),
    /** Resend the last intent unchanged: same request ID, same amount, same confirmation. */
    retry: () => {
      if (state.intent) void run(state.intent);
    },
    reset: () => setState({ intent: undefined, outcome: undefined, error: undefined, unknown: false }),
  };
}

type WireAmount = { currency: string; value: string };

/**
 * The amount box of a capture or refund form: typed in display units, parsed exactly, refused
 * above `limit` (what Antom would refuse anyway) with `overLimit` saying why, then held while the
 * confirmation dialog is open.
 */
export function useAmountEntry({ currency, limit, overLimit, initialText = '' }: { currency: string; limit: WireAmount; overLimit: string; initialText?: string }) {
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<WireAmount | undefined>();
  return {
    text,
    setText,
    problem,
    confirming,
    /** Form submit: parse and check, then ask for confirmation. */
    submit(e: FormEvent) {
      e.preventDefault();
      const parsed = parseDisplayAmount(text, currency);
      if ('error' in parsed) return setProblem(parsed.error);
      if (BigInt(parsed.value) > BigInt(limit.value)) return setProblem(overLimit);
      setProblem(undefined);
      setConfirming({ currency, value: parsed.value });
    },
    cancel: () => setConfirming(undefined),
    /** After a successful capture or refund: an empty box and no stale problem. */
    clear: () => {
      setText('');
      setProblem(undefined);
    },
    /** Dialog confirmed: the intent to send (a fresh request ID for it), and the dialog closes. */
    confirm(prefix: 'CAP' | 'REF', production: boolean): MoneyIntent | undefined {
      if (!confirming) return undefined;
      setConfirming(undefined);
      return { requestId: newRequestId(prefix), amount: confirming, confirmation: production ? displayOf(confirming) : undefined };
    },
  };
}
