/** One server-sent event as a browser's EventSource would see it (HTML §9.2.6). */
export type ServerEvent = { event: string; id: string | null; data: string; retry: number | null };

export type EventReader = {
  /** The next event, or null when the stream ended; fails after `timeoutMs`. */
  next: (timeoutMs?: number) => Promise<ServerEvent | null>;
  /** Everything read so far, comments included, for failure messages and heartbeat checks. */
  raw: () => string;
  close: () => Promise<void>;
};

/** Reads an event stream's body the way EventSource parses it. */
export function readEvents(body: ReadableStream<Uint8Array>): EventReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let seen = '';
  let isEnded = false;
  // A read that outlived a timeout is still the next chunk: keep it for the next call.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  const takeEvent = (): ServerEvent | null | undefined => {
    for (;;) {
      const end = buffer.search(/\r?\n\r?\n/);
      if (end < 0) return isEnded ? null : undefined;
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const event: ServerEvent = { event: 'message', id: null, data: '', retry: null };
      const data: string[] = [];
      let hasField = false;
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'event') event.event = value;
        else if (field === 'id') event.id = value;
        else if (field === 'retry') event.retry = Number(value);
        hasField ||= field === 'data';
      }
      if (hasField) return { ...event, data: data.join('\n') };
    }
  };

  return {
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = takeEvent();
        if (event !== undefined) return event;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms; stream so far:\n${seen}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), left);
          }),
        ]);
        clearTimeout(timer);
        if (chunk === 'timeout') continue;
        pending = null;
        if (chunk.done) isEnded = true;
        else {
          const text = decoder.decode(chunk.value, { stream: true });
          buffer += text;
          seen += text;
        }
      }
    },
    raw: () => seen,
    close: () => reader.cancel().catch(() => {}),
  };
}
