// A minimal server-sent events client (text/event-stream, WHATWG HTML §9.2) over node:http,
// so the bench sees each event the moment its bytes arrive, with no browser in between.
import { request } from 'node:http';

/**
 * Answers a function that takes text chunks and calls `onEvent({ type, data, id, at })` for
 * each complete event; `at` is performance.now() when its terminating blank line arrived.
 */
export function createEventParser(onEvent) {
  let buffer = '';
  let data = [];
  let type = '';
  let lastId = '';
  const dispatch = () => {
    if (data.length > 0)
      onEvent({
        type: type || 'message',
        data: data.join('\n'),
        id: lastId,
        at: performance.now(),
      });
    data = [];
    type = '';
  };
  const readLine = (line) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return; // comment: a heartbeat
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };
  return (chunk) => {
    buffer += chunk;
    // Lines end in CRLF, LF or CR. A CR at the very end may be the first half of a CRLF.
    const lines = buffer.split(/\r\n|\n|\r(?!$)/);
    buffer = lines.pop();
    for (const line of lines) readLine(line);
  };
}

/**
 * Opens an event stream; resolves once the response head arrives with
 * { status, next(predicate, timeoutMs), close() }. `next` answers the first event, not yet
 * taken, for which `predicate` is true (earlier ones are dropped), or rejects on timeout or
 * when the stream ends.
 */
export function openEventStream(url, { headers = {}, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const queue = [];
    let waiter = null;
    let ended = false;
    const wake = () => waiter?.();
    const req = request(url, {
      headers: { accept: 'text/event-stream', ...headers },
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer from ${url}`)), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      ended = true;
      wake();
      reject(error);
    });
    req.on('response', (res) => {
      clearTimeout(timer);
      const close = () => req.destroy();
      if (res.statusCode !== 200) {
        res.resume();
        resolve({
          status: res.statusCode,
          close,
          next: () => Promise.reject(new Error('no stream')),
        });
        return;
      }
      const feed = createEventParser((event) => {
        queue.push(event);
        wake();
      });
      res.setEncoding('utf8');
      res.on('data', feed);
      res.on('close', () => {
        ended = true;
        wake();
      });
      const next = (predicate, waitMs) =>
        new Promise((resolveNext, rejectNext) => {
          const deadline = setTimeout(() => {
            waiter = null;
            rejectNext(new Error(`no matching event within ${waitMs} ms`));
          }, waitMs);
          const check = () => {
            while (queue.length > 0) {
              const event = queue.shift();
              if (predicate(event)) {
                clearTimeout(deadline);
                waiter = null;
                return resolveNext(event);
              }
            }
            if (ended) {
              clearTimeout(deadline);
              waiter = null;
              rejectNext(new Error('stream ended'));
            }
          };
          waiter = check;
          check();
        });
      resolve({ status: 200, close, next });
    });
    req.end();
  });
}
