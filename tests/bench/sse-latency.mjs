// Payment → page latency: how long after the bank pays does an open page hear of it (SSE).
import { payVirtualAccount, startPayment } from './fixtures.mjs';
import { openEventStream } from './sse-client.mjs';
import { percentile } from './stats.mjs';

const eventWaitMs = 5000;

function paymentStatus(event) {
  try {
    return JSON.parse(event.data)?.payment?.status ?? null;
  } catch {
    return null;
  }
}

/**
 * Over `count` payments on the multi-use link `publicId`: starts each on `watchBase`, opens its
 * event stream there, waits for the first (current state) event, pays through `payBase` and
 * times from sending the bank's POST to the event saying "paid". Two bases = two processes.
 * Answers { available: false, reason } when the server has no events endpoint.
 */
export async function measurePaymentLatency({ watchBase, payBase, publicId, count, budgetMs }) {
  const deadline = performance.now() + budgetMs;
  const samples = [];
  const failures = [];
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const payment = await startPayment(watchBase, publicId, 'VA_BRI');
    const url = `${watchBase}/b2b/${publicId}/events?payment=${payment.reff_no}`;
    const stream = await openEventStream(url);
    try {
      if (stream.status === 404) return { available: false, reason: 'no /events endpoint' };
      if (stream.status !== 200)
        return { available: false, reason: `/events answered ${stream.status}` };
      await stream.next((event) => event.type === 'status', eventWaitMs);
      const sent = performance.now();
      await payVirtualAccount(payBase, payment);
      try {
        const paid = await stream.next((event) => paymentStatus(event) === 'paid', eventWaitMs);
        samples.push(paid.at - sent);
      } catch (error) {
        failures.push(error.message);
      }
    } finally {
      stream.close();
    }
  }
  return {
    available: true,
    payments: samples.length + failures.length,
    missed: failures.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : null,
    samples,
  };
}
