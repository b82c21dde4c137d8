import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Deps } from '../../deps.ts';
import { errorFields } from '../../logging/error-summary.ts';
import { isDatabaseUnavailable } from '../../store/database-unavailable.ts';
import { readLiveStatus } from './live-status.ts';

/** A comment line at least this often keeps proxies and phones from dropping the stream. */
export const HEARTBEAT_MS = 20_000;
/** How long a browser waits before reconnecting (the stream's `retry:`). */
const RETRY_MS = 3000;
/** Time-driven changes (an expiry) are looked at just after they happen. */
const DEADLINE_GRACE_MS = 50;
/** While the database is out of reach, the stream stays open and reads again this often. */
const OUTAGE_RETRY_MS = 2000;

/**
 * SPEC §7 `GET /b2b/{id}/events`: the link's status as server-sent events, at once and then on
 * every change, woken by the change feed (this process's commits and other processes' NOTIFY)
 * and by the next expiry. A reconnect whose Last-Event-ID is the current status hears nothing
 * again; a link that takes no more payments ends the stream, and a reconnect to it that already
 * knows so gets 204, which tells EventSource to stop.
 */
export async function streamLinkEvents(
  c: Context,
  deps: Deps,
  publicId: string,
  reffNo: string | undefined,
): Promise<Response | null> {
  const first = await readLiveStatus(deps, publicId, reffNo);
  if (!first) return null;
  const lastEventId = c.req.header('last-event-id') ?? null;
  if (first.isFinal && lastEventId === first.version) return c.body(null, 204);
  // Buffering proxies (nginx) would hold the events back.
  c.header('x-accel-buffering', 'no');
  c.header('cache-control', 'no-store');
  return streamSSE(c, async (stream) => {
    let isDirty = false;
    let wake = () => {};
    const unsubscribe = deps.changes.subscribe((change) => {
      if (change === 'all' || change.kind === 'account' || change.linkId === first.linkId) {
        isDirty = true;
        wake();
      }
    });
    stream.onAbort(() => wake());
    let sent = lastEventId;
    let lastWriteAt = 0;
    let live: typeof first | null = first;
    let isReadFailing = false;
    try {
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      while (live && !stream.aborted) {
        if (live.version !== sent) {
          await stream.writeSSE({
            event: 'status',
            id: live.version,
            data: JSON.stringify(live.status),
          });
          sent = live.version;
          lastWriteAt = Date.now();
        } else if (Date.now() - lastWriteAt >= HEARTBEAT_MS) {
          await stream.write(': keep-alive\n\n');
          lastWriteAt = Date.now();
        }
        if (live.isFinal) break;
        const untilDeadline = isReadFailing
          ? OUTAGE_RETRY_MS
          : live.nextChangeAt
            ? live.nextChangeAt.getTime() - deps.clock().getTime() + DEADLINE_GRACE_MS
            : Number.POSITIVE_INFINITY;
        await new Promise<void>((resolve) => {
          if (isDirty || stream.aborted) return resolve();
          const timer = setTimeout(resolve, Math.max(0, Math.min(HEARTBEAT_MS, untilDeadline)));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        isDirty = false;
        if (stream.aborted) break;
        try {
          live = await readLiveStatus(deps, publicId, reffNo);
          isReadFailing = false;
        } catch (error) {
          // SPEC §9 "Outages": the page keeps its stream (and its last status) and hears of
          // the next change once the database is back.
          if (!isDatabaseUnavailable(error)) throw error;
          isReadFailing = true;
        }
      }
    } catch (error) {
      // Logged here, safely: Hono's own handler would print it whole, or send its message.
      deps.log.error('event stream failed', {
        route: '/b2b/:publicId/events',
        ...errorFields(error, { stack: true }),
      });
    } finally {
      unsubscribe();
    }
  });
}
