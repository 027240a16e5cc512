/**
 * Pushes from main (a notification stored, a call recorded) refresh the queries that show them
 * and, for notifications, announce themselves in a polite live region so nobody has to reload.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { disputeKeys } from '../queries/disputes';
import { overviewKeys } from '../queries/overview';
import { paymentKeys } from '../queries/payments';
import { searchKeys } from '../queries/search';
import { subscribePush } from './push';
import { routeHref } from './router';

interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'bad' | 'neutral';
  paymentKey: string | undefined;
}

/** Query key prefixes other dashboards use for journal lists (Notifications, API log). */
const NOTIFICATION_LIST_PREFIX = ['notifications'] as const;
const CALL_LIST_PREFIX = ['calls'] as const;
const TOAST_MS = 8_000;

export function PushAnnouncer() {
  const client = useQueryClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  useEffect(() => {
    const dropLater = (id: number) => window.setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), TOAST_MS);
    const timers: number[] = [];
    const offNotification = subscribePush('notificationStored', (payload) => {
      void client.invalidateQueries({ queryKey: paymentKeys.all });
      void client.invalidateQueries({ queryKey: overviewKeys.all });
      void client.invalidateQueries({ queryKey: searchKeys.all });
      void client.invalidateQueries({ queryKey: NOTIFICATION_LIST_PREFIX });
      void client.invalidateQueries({ queryKey: disputeKeys.all });
      const id = nextId.current++;
      const about = payload.paymentRequestId ?? payload.paymentId;
      const text = `${payload.duplicate ? 'Duplicate ' : ''}${payload.notifyType} notification ${payload.verification}${about ? ` for ${about}` : ''}`;
      // At most three at a time: they share the navigation column and must not cover its links.
      setToasts((list) => [...list.slice(-2), { id, text, tone: payload.verification === 'verified' ? 'ok' : 'bad', paymentKey: payload.paymentId ?? payload.paymentRequestId ?? undefined }]);
      timers.push(dropLater(id));
    });
    const offCall = subscribePush('callRecorded', () => {
      void client.invalidateQueries({ queryKey: paymentKeys.all });
      void client.invalidateQueries({ queryKey: overviewKeys.all });
      void client.invalidateQueries({ queryKey: CALL_LIST_PREFIX });
      void client.invalidateQueries({ queryKey: disputeKeys.all });
    });
    return () => {
      offNotification();
      offCall();
      timers.forEach((t) => window.clearTimeout(t));
    };
  }, [client]);

  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Live updates">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.tone}`}>
          <span>{toast.text}</span>
          {toast.paymentKey ? <a href={routeHref('payments', { id: toast.paymentKey })}>Open payment</a> : null}
          <button type="button" aria-label="Dismiss" onClick={() => setToasts((list) => list.filter((t) => t.id !== toast.id))}>×</button>
        </div>
      ))}
    </div>
  );
}
