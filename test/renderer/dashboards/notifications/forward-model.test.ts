import { describe, expect, it } from 'vitest';
import type { ForwardAttemptView, ForwardStatusView } from '../../../../src-shared/journal-views';
import { forwardPanelModel } from '../../../../src-renderer/dashboards/notifications/forward-model';

const NOW = Date.parse('2026-11-30T10:00:00.000Z');
const TARGET = 'https://backend.example/antom/notify';

const attempt = (n: number, over: Partial<ForwardAttemptView> = {}): ForwardAttemptView => ({
  id: n, round: 1, attempt: n, sentAt: '2026-11-30T09:00:00.000Z', httpStatus: 503, answerExcerpt: 'maintenance', error: null, latencyMs: 12, accepted: false, ...over,
});

const forward = (over: Partial<ForwardStatusView>): ForwardStatusView => ({
  target: TARGET, state: 'pending', round: 1, attemptsMade: 0, maxAttempts: 8, nextAttemptAt: null, createdAt: '2026-11-30T09:00:00.000Z', deliveredAt: null, attempts: [], ...over,
});

describe('the notification detail\'s forward panel', () => {
  it('pending: says how many sends failed and when the next is due, lists each answer, offers re-send', () => {
    const m = forwardPanelModel(forward({
      attemptsMade: 2, nextAttemptAt: '2026-11-30T10:10:00.000Z',
      attempts: [attempt(1, { httpStatus: null, answerExcerpt: null, error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:8080' }), attempt(2)],
    }), NOW);
    expect(m).toMatchObject({ target: TARGET, state: 'pending', tone: 'pending', nextAttemptAt: '2026-11-30T10:10:00.000Z', canResend: true });
    expect(m.headline).toMatch(/^Not accepted yet \(2 of 8 sends\); the next send follows Antom's schedule, due in 10 min/);
    expect(m.attempts.map((a) => a.answer)).toEqual([
      'no answer: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:8080 (after 12 ms)',
      'HTTP 503 in 12 ms, not accepted',
    ]);
    expect(m.attempts[1]).toMatchObject({ label: '2', excerpt: 'maintenance', accepted: false });
  });

  it('given up: "the backend never accepted it", no next send, re-send offered', () => {
    const m = forwardPanelModel(forward({ state: 'given-up', attemptsMade: 8, attempts: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => attempt(n)) }), NOW);
    expect(m).toMatchObject({ tone: 'bad', stateLabel: 'Backend never accepted', nextAttemptAt: null, canResend: true });
    expect(m.headline).toBe('The backend never accepted it: all 8 sends of Antom\'s schedule failed. Fix the backend, then re-send.');
  });

  it('delivered: no re-send; a re-send round is named on its sends', () => {
    const m = forwardPanelModel(forward({
      state: 'delivered', round: 2, attemptsMade: 1, deliveredAt: '2026-11-30T09:58:00.000Z',
      attempts: [attempt(1), attempt(9, { round: 2, attempt: 1, httpStatus: 200, answerExcerpt: '{"result":{"resultStatus":"S"}}', accepted: true })],
    }), NOW);
    expect(m).toMatchObject({ tone: 'ok', canResend: false, nextAttemptAt: null });
    expect(m.headline).toMatch(/^Delivered: the backend accepted it 2 min ago \(1 of 8 sends in re-send round 2\)\.$/);
    expect(m.attempts[1]).toMatchObject({ label: '1 (round 2)', answer: 'HTTP 200 in 12 ms, accepted' });
  });

  it('queued: the first send is due at once', () => {
    expect(forwardPanelModel(forward({ nextAttemptAt: '2026-11-30T10:00:00.000Z' }), NOW).headline).toMatch(/^Queued: the first send is due /);
  });
});
