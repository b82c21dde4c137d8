// The cost of many open pages: CPU the server spends while 1,000 event streams sit idle.
import { readCpuTicks, ticksPerSecond } from './proc.mjs';
import { openEventStream } from './sse-client.mjs';

/**
 * Opens `connections` event streams on one link (in batches, as a crowd of phones would),
 * waits until each has its first event, then reads the server's CPU time over `seconds` of
 * idleness. Answers { available, open, ready, cpuPercent } (percent of one core).
 */
export async function measureIdleCpu({ base, pid, publicId, connections, seconds, budgetMs }) {
  const url = `${base}/b2b/${publicId}/events`;
  const probe = await openEventStream(url);
  probe.close();
  if (probe.status === 404) return { available: false, reason: 'no /events endpoint' };
  if (probe.status !== 200) return { available: false, reason: `/events answered ${probe.status}` };
  const deadline = performance.now() + budgetMs;
  const streams = [];
  let ready = 0;
  try {
    for (let opened = 0; opened < connections && performance.now() < deadline; opened += 100) {
      const batch = Math.min(100, connections - opened);
      const results = await Promise.allSettled(
        Array.from({ length: batch }, async () => {
          const stream = await openEventStream(url, { timeoutMs: 20_000 });
          streams.push(stream);
          await stream.next(
            (event) => event.type === 'status',
            Math.max(1, deadline - performance.now()),
          );
          ready++;
        }),
      );
      if (results.every((r) => r.status === 'rejected')) break;
    }
    // Let the accept/first-event burst settle before measuring idleness.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = readCpuTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const used = (readCpuTicks(pid) - before) / ticksPerSecond();
    return {
      available: true,
      open: streams.length,
      ready,
      seconds,
      cpuPercent: (used / seconds) * 100,
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
