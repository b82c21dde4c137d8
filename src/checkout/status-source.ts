import { type RenderedStatus, type StatusAnswer, hasStatusChanged } from './status-poll.ts';

/**
 * How long the event stream may stay silent before its first event. The server sends the
 * status at once on connect (SPEC §7), so silence means a proxy is buffering the stream.
 */
export const FIRST_EVENT_MS = 10_000;

/** Where the page hears of a new status: not yet, the event stream, polling, or no more. */
export type WatchMode = 'idle' | 'stream' | 'poll' | 'done';
export type WatchState = { mode: WatchMode; hasHeard: boolean };

export type WatchEvent =
  /** The script starts; old browsers have no EventSource. */
  | { type: 'start'; hasEventSource: boolean }
  /** A status from the stream or from a poll. */
  | { type: 'status'; answer: StatusAnswer }
  /** The status endpoint answered 404: the link is gone, the server renders "not found". */
  | { type: 'gone' }
  /** The stream failed; `isClosed` when the browser gave up rather than reconnecting. */
  | { type: 'stream-error'; isClosed: boolean }
  /** FIRST_EVENT_MS passed since the stream was opened. */
  | { type: 'silence' }
  /** A form post is on its way (and was not stopped by a check). */
  | { type: 'submit' };

export type WatchAction =
  'open-stream' | 'close-stream' | 'start-polling' | 'stop-polling' | 'reload';
export type WatchStep = { state: WatchState; actions: WatchAction[] };

/** Before the script starts watching. */
export const WATCH_START: WatchState = { mode: 'idle', hasHeard: false };

const DONE: WatchState = { mode: 'done', hasHeard: true };
const POLLING: WatchState = { mode: 'poll', hasHeard: false };
const stop = (state: WatchState): WatchAction =>
  state.mode === 'stream' ? 'close-stream' : 'stop-polling';

/**
 * SPEC §7, live status in layers: the event stream, then polling where the stream cannot be
 * had (no EventSource, a failure or silence before its first event), then the no-JS refresh.
 * Answers the next state and what to do; the page reloads once the server would render
 * something else, and never while a form post is on its way (the reload would cancel it).
 */
export function nextWatchStep(
  state: WatchState,
  event: WatchEvent,
  rendered: RenderedStatus,
): WatchStep {
  if (state.mode === 'done') return { state, actions: [] };
  switch (event.type) {
    case 'start':
      return event.hasEventSource
        ? { state: { mode: 'stream', hasHeard: false }, actions: ['open-stream'] }
        : { state: POLLING, actions: ['start-polling'] };
    case 'status':
      if (hasStatusChanged(event.answer, rendered))
        return { state: DONE, actions: [stop(state), 'reload'] };
      return { state: { ...state, hasHeard: true }, actions: [] };
    case 'gone':
      return { state: DONE, actions: [stop(state), 'reload'] };
    case 'stream-error':
      // After a first event the browser reconnects by itself (with Last-Event-ID); before it,
      // or once the browser gives up, polling takes over.
      if (state.mode !== 'stream' || (state.hasHeard && !event.isClosed))
        return { state, actions: [] };
      return { state: POLLING, actions: ['close-stream', 'start-polling'] };
    case 'silence':
      if (state.mode !== 'stream' || state.hasHeard) return { state, actions: [] };
      return { state: POLLING, actions: ['close-stream', 'start-polling'] };
    case 'submit':
      return { state: DONE, actions: [stop(state)] };
  }
}

/** A `status` event's data as a status answer; null when it is not one (ignored then). */
export function parseStatusAnswer(data: string): StatusAnswer | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { link_status: linkStatus, payment } = value as Record<string, unknown>;
    if (typeof linkStatus !== 'string') return null;
    if (payment === null || payment === undefined)
      return { link_status: linkStatus, payment: null };
    const { reff_no: reffNo, status } = payment as Record<string, unknown>;
    if (typeof reffNo !== 'string' || typeof status !== 'string') return null;
    return { link_status: linkStatus, payment: { reff_no: reffNo, status } };
  } catch {
    return null;
  }
}
