// Memory under load: resident size after N and after M mixed requests, to see if it is flat.
import { runLoad } from './load.mjs';
import { readMemory } from './proc.mjs';

/**
 * Sends a mix of `requests` (autocannon request objects, cycled per connection) in steps of
 * cumulative `counts` (e.g. 10k then 50k), each step bounded by `maxSeconds`; after each step
 * reads the server's RSS. Answers the steps and the change from the first to the last in %.
 */
export async function measureMemoryUnderLoad({ base, pid, requests, counts, maxSeconds }) {
  const steps = [];
  let done = 0;
  for (const [i, count] of counts.entries()) {
    const run = await runLoad({
      url: base,
      requests,
      amount: count - done,
      maxSeconds: maxSeconds[i],
    });
    done += run.requests;
    steps.push({
      target: count,
      requests: done,
      rps: run.rps,
      notOk: run.non2xx + run.errors,
      rssMb: readMemory(pid)?.rssMb,
    });
  }
  const first = steps[0].rssMb;
  const last = steps.at(-1).rssMb;
  return { steps, changePercent: ((last - first) / first) * 100 };
}
