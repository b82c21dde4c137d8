import { describe, expect, it } from 'vitest';
import type { StatusAnswer } from './status-poll.ts';
import {
  WATCH_START,
  type WatchEvent,
  type WatchState,
  nextWatchStep,
  parseStatusAnswer,
} from './status-source.ts';

const rendered = { linkStatus: 'open', paymentStatus: 'pending' };
const answer = (link_status: string, status: string): StatusAnswer => ({
  link_status,
  payment: { reff_no: 'PY1', status },
});
const same: WatchEvent = { type: 'status', answer: answer('open', 'pending') };
const paid: WatchEvent = { type: 'status', answer: answer('open', 'paid') };

/** Runs events from the start; answers the final state and every action, in order. */
function run(...events: WatchEvent[]) {
  let state: WatchState = WATCH_START;
  const actions: string[] = [];
  for (const event of events) {
    const step = nextWatchStep(state, event, rendered);
    state = step.state;
    actions.push(...step.actions);
  }
  return { mode: state.mode, actions };
}

describe('nextWatchStep', () => {
  it('listens to the event stream where the browser has EventSource', () => {
    expect(run({ type: 'start', hasEventSource: true })).toEqual({
      mode: 'stream',
      actions: ['open-stream'],
    });
  });

  it('polls where the browser has no EventSource', () => {
    expect(run({ type: 'start', hasEventSource: false })).toEqual({
      mode: 'poll',
      actions: ['start-polling'],
    });
  });

  it('reloads once the stream says the page would render differently', () => {
    expect(run({ type: 'start', hasEventSource: true }, same, same, paid)).toEqual({
      mode: 'done',
      actions: ['open-stream', 'close-stream', 'reload'],
    });
  });

  it.each([
    [
      'fails before its first event (404: no stream here)',
      { type: 'stream-error', isClosed: true },
    ],
    ['fails and would reconnect before its first event', { type: 'stream-error', isClosed: false }],
    ['stays silent (a buffering proxy)', { type: 'silence' }],
  ] as const)('falls back to polling when the stream %s', (_, event) => {
    expect(run({ type: 'start', hasEventSource: true }, event)).toEqual({
      mode: 'poll',
      actions: ['open-stream', 'close-stream', 'start-polling'],
    });
  });

  it('lets the browser reconnect a stream that already delivered', () => {
    const start = { type: 'start', hasEventSource: true } as const;
    expect(
      run(start, same, { type: 'stream-error', isClosed: false }, { type: 'silence' }),
    ).toEqual({ mode: 'stream', actions: ['open-stream'] });
    // A stream the browser gave up on (the server refused the reconnect): polling takes over.
    expect(run(start, same, { type: 'stream-error', isClosed: true })).toEqual({
      mode: 'poll',
      actions: ['open-stream', 'close-stream', 'start-polling'],
    });
  });

  it('reloads on a poll that finds a change or a vanished link, and stops polling', () => {
    const start = { type: 'start', hasEventSource: false } as const;
    expect(run(start, same, paid).actions).toEqual(['start-polling', 'stop-polling', 'reload']);
    expect(run(start, { type: 'gone' }).actions).toEqual([
      'start-polling',
      'stop-polling',
      'reload',
    ]);
  });

  it('stops watching, and never reloads, once a form post is on its way', () => {
    expect(run({ type: 'start', hasEventSource: true }, { type: 'submit' }, paid)).toEqual({
      mode: 'done',
      actions: ['open-stream', 'close-stream'],
    });
    expect(
      run({ type: 'start', hasEventSource: false }, { type: 'submit' }, { type: 'gone' }),
    ).toEqual({ mode: 'done', actions: ['start-polling', 'stop-polling'] });
  });

  it('ignores stream news once polling took over', () => {
    const fellBack = [{ type: 'start', hasEventSource: true }, { type: 'silence' }] as const;
    expect(run(...fellBack, { type: 'stream-error', isClosed: true }, { type: 'silence' })).toEqual(
      {
        mode: 'poll',
        actions: ['open-stream', 'close-stream', 'start-polling'],
      },
    );
  });
});

describe('parseStatusAnswer', () => {
  it('reads the status endpoint’s JSON', () => {
    expect(
      parseStatusAnswer('{"link_status":"open","payment":{"reff_no":"PY1","status":"paid"}}'),
    ).toEqual(answer('open', 'paid'));
    expect(parseStatusAnswer('{"link_status":"expired","payment":null}')).toEqual({
      link_status: 'expired',
      payment: null,
    });
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{"payment":null}',
    '{"link_status":"open","payment":{}}',
  ])('refuses %j', (data) => {
    expect(parseStatusAnswer(data)).toBeNull();
  });
});
