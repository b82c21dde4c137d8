import { POLL_MS, type RenderedStatus, nextPollDelay } from '../status-poll.ts';
import {
  FIRST_EVENT_MS,
  WATCH_START,
  type WatchAction,
  type WatchEvent,
  nextWatchStep,
  parseStatusAnswer,
} from '../status-source.ts';
import { watchedHref } from '../watched.ts';

/**
 * SPEC §7: the page learns of a payment without a reload of its own. Listens to the link's
 * event stream (`data-events-url`), or polls `data-status-url` while the page is visible
 * where the stream cannot be had, and reloads once the server would render something else.
 * The decisions are nextWatchStep's; this wires them to the browser.
 */
export function watchLiveStatus(element: HTMLElement): void {
  const { statusUrl = '', eventsUrl = '', linkStatus = '', paymentStatus } = element.dataset;
  const rendered: RenderedStatus = { linkStatus, paymentStatus: paymentStatus ?? null };
  let state = WATCH_START;
  let source: EventSource | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let isPolling = false;

  const dispatch = (event: WatchEvent) => {
    const step = nextWatchStep(state, event, rendered);
    state = step.state;
    for (const action of step.actions) run(action);
  };

  const openStream = () => {
    const stream = new EventSource(eventsUrl);
    stream.addEventListener('status', (event) => {
      const answer = parseStatusAnswer((event as MessageEvent<string>).data);
      if (answer) dispatch({ type: 'status', answer });
    });
    stream.addEventListener('error', () =>
      dispatch({ type: 'stream-error', isClosed: stream.readyState === EventSource.CLOSED }),
    );
    silenceTimer = setTimeout(() => dispatch({ type: 'silence' }), FIRST_EVENT_MS);
    source = stream;
  };

  const schedulePoll = (ms: number) => {
    clearTimeout(pollTimer);
    if (state.mode === 'poll' && !document.hidden) pollTimer = setTimeout(poll, ms);
  };

  const poll = async () => {
    if (isPolling || state.mode !== 'poll') return;
    isPolling = true;
    try {
      const response = await fetch(statusUrl, {
        cache: 'no-store',
        headers: { accept: 'application/json' },
      });
      // A link that vanished renders as "not found": let the server say so.
      if (response.status === 404) dispatch({ type: 'gone' });
      else if (response.ok) dispatch({ type: 'status', answer: await response.json() });
      failures = response.ok ? 0 : failures + 1;
    } catch {
      failures += 1;
    } finally {
      isPolling = false;
    }
    schedulePoll(nextPollDelay(failures));
  };

  const onVisibilityChange = () => {
    clearTimeout(pollTimer);
    if (!document.hidden) void poll();
  };

  function run(action: WatchAction) {
    if (action === 'open-stream') openStream();
    if (action === 'close-stream') {
      clearTimeout(silenceTimer);
      source?.close();
    }
    if (action === 'start-polling') {
      document.addEventListener('visibilitychange', onVisibilityChange);
      schedulePoll(POLL_MS);
    }
    if (action === 'stop-polling') {
      clearTimeout(pollTimer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
    // Reloaded as a watched change: only then may the new page send the customer on.
    if (action === 'reload') location.replace(watchedHref(location.href));
  }

  // A form post on its way ("Choose another method", "Simulate payment", Pay) leads to the
  // page to show next; a reload now would cancel it and show this address again instead.
  document.addEventListener('submit', (event) => {
    if (!event.defaultPrevented) dispatch({ type: 'submit' });
  });
  dispatch({ type: 'start', hasEventSource: 'EventSource' in window });
}
