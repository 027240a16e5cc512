/**
 * What the notification detail says about the relay's forward to the merchant's backend
 * (`listen --forward-to URL`): pure, so the words can be tested without a page. The panel
 * (forward-status.tsx) only lays this out.
 */
import type { ForwardAttemptView, ForwardState, ForwardStatusView } from '../../../src-shared/journal-views';
import { formatRelative } from '../../format/time';

type Tone = 'ok' | 'bad' | 'pending';

interface ForwardAttemptLine {
  key: number;
  label: string;
  sentAt: string;
  /** "HTTP 503 in 12 ms" or "no answer: ECONNREFUSED ...". */
  answer: string;
  /** The start of what the backend answered, when it said anything. */
  excerpt: string | null;
  accepted: boolean;
}

interface ForwardPanelModel {
  target: string;
  state: ForwardState;
  /** The state in words, for the badge. */
  stateLabel: string;
  tone: Tone;
  /** The sentence at the top: where the forward stands and what happens next. */
  headline: string;
  /** When the next send is due (ISO), for the time element; null when none is. */
  nextAttemptAt: string | null;
  /** Re-send offered: the backend has not accepted this notification. */
  canResend: boolean;
  attempts: ForwardAttemptLine[];
}

const STATE_WORDS: Record<ForwardState, { tone: Tone; label: string }> = {
  pending: { tone: 'pending', label: 'Pending' },
  delivered: { tone: 'ok', label: 'Delivered' },
  'given-up': { tone: 'bad', label: 'Backend never accepted' },
};

function answerOf(a: ForwardAttemptView): string {
  if (a.httpStatus === null) return `no answer: ${a.error ?? 'unknown error'} (after ${a.latencyMs} ms)`;
  return `HTTP ${a.httpStatus} in ${a.latencyMs} ms${a.accepted ? ', accepted' : ', not accepted'}`;
}

function headlineOf(f: ForwardStatusView, now: number): string {
  const sends = `${f.attemptsMade} of ${f.maxAttempts} sends${f.round > 1 ? ` in re-send round ${f.round}` : ''}`;
  switch (f.state) {
    case 'delivered':
      return `Delivered: the backend accepted it${f.deliveredAt ? ` ${formatRelative(f.deliveredAt, now)}` : ''} (${sends}).`;
    case 'given-up':
      return `The backend never accepted it: all ${f.maxAttempts} sends of Antom's schedule failed. Fix the backend, then re-send.`;
    case 'pending':
      if (f.attemptsMade === 0) return `Queued: the first send is due ${f.nextAttemptAt ? formatRelative(f.nextAttemptAt, now) : 'now'}.`;
      return `Not accepted yet (${sends}); the next send follows Antom's schedule${f.nextAttemptAt ? `, due ${formatRelative(f.nextAttemptAt, now)}` : ''}.`;
  }
}

export function forwardPanelModel(f: ForwardStatusView, now: number = Date.now()): ForwardPanelModel {
  return {
    target: f.target,
    state: f.state,
    stateLabel: STATE_WORDS[f.state].label,
    tone: STATE_WORDS[f.state].tone,
    headline: headlineOf(f, now),
    nextAttemptAt: f.state === 'pending' ? f.nextAttemptAt : null,
    canResend: f.state !== 'delivered',
    attempts: f.attempts.map((a) => ({
      key: a.id,
      label: a.round > 1 ? `${a.attempt} (round ${a.round})` : String(a.attempt),
      sentAt: a.sentAt,
      answer: answerOf(a),
      excerpt: a.answerExcerpt,
      accepted: a.accepted,
    })),
  };
}
