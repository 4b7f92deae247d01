// The live notifications of this tab: one EventSource on /notifications/stream shared by every
// component that listens (the bell, the notifications page). The browser reconnects by itself
// after a dropped connection; when the server refuses (logged out, a proxy without streaming) or
// the browser has no EventSource, the unread count is polled instead and the stream retried later.
import { useSyncExternalStore } from 'react';
import type { AppNotification, UnreadCount } from '../../../contracts/notifications';
import { getUnreadCount, notificationStream } from '../../../contracts/notifications.endpoints';
import { API_BASE } from '../../lib/api';
import { callEndpoint } from '../../lib/endpoint';

export interface NotificationStreamState {
  /** The unread count; null until the first answer. */
  unread: number | null;
  /** The newest notification heard on the stream, if any. */
  latest: AppNotification | null;
  /** Moves with every change of the caller's notifications (a new one, some marked read): lists reload on it. */
  version: number;
  /** True while the stream is open; false while polling. */
  live: boolean;
}

const POLL_MS = 60_000;
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 120_000;

let state: NotificationStreamState = { unread: null, latest: null, version: 0, live: false };
const listeners = new Set<() => void>();
let source: EventSource | null = null;
let pollTimer: number | null = null;
let retryTimer: number | null = null;
let retryMs = RETRY_FIRST_MS;

function update(next: Partial<NotificationStreamState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function poll(): void {
  callEndpoint(getUnreadCount).then(
    ({ unread }) => update({ unread, version: unread === state.unread ? state.version : state.version + 1 }),
    () => undefined, // the next poll tries again
  );
}

function startPolling(): void {
  if (pollTimer !== null) return;
  poll();
  pollTimer = window.setInterval(poll, POLL_MS);
}

function stopPolling(): void {
  if (pollTimer !== null) window.clearInterval(pollTimer);
  pollTimer = null;
}

function close(): void {
  source?.close();
  source = null;
  if (retryTimer !== null) window.clearTimeout(retryTimer);
  retryTimer = null;
}

function connect(): void {
  close();
  if (typeof EventSource === 'undefined') {
    startPolling();
    return;
  }
  const es = new EventSource(`${API_BASE}${notificationStream.path}`);
  source = es;
  es.onopen = () => {
    retryMs = RETRY_FIRST_MS;
    stopPolling();
    update({ live: true });
  };
  es.addEventListener('unread', (e) => {
    const { unread } = JSON.parse((e as MessageEvent<string>).data) as UnreadCount;
    update({ unread, version: unread === state.unread ? state.version : state.version + 1 });
  });
  es.addEventListener('notification', (e) => {
    update({ latest: JSON.parse((e as MessageEvent<string>).data) as AppNotification, version: state.version + 1 });
  });
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
    update({ live: false });
    startPolling();
    retryTimer = window.setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      close();
      stopPolling();
      state = { unread: null, latest: null, version: 0, live: false };
    }
  };
}

/** The caller's live notification state; the stream is open while any component uses this. */
export function useNotificationStream(): NotificationStreamState {
  return useSyncExternalStore(subscribe, () => state);
}

/** After this tab marked something read: the stream tells every tab; without it, count again now. */
export function refreshUnread(): void {
  if (!state.live) poll();
}
