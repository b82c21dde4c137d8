// One autocannon run in its own process, so that generating load never shares an event loop
// with the bench that reads the results. Options come as JSON in argv[2]; the summary is
// printed as one JSON line on stdout.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);

const instance = autocannon(
  {
    url: options.url,
    connections: options.connections ?? 10,
    pipelining: 1,
    timeout: 10,
    // autocannon rejects keys present with an undefined value.
    ...Object.fromEntries(
      ['duration', 'amount', 'headers', 'requests']
        .filter((key) => options[key] !== undefined)
        .map((key) => [key, options[key]]),
    ),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const served = result['1xx'] + result['2xx'] + result['3xx'] + result.non2xx;
    console.log(
      JSON.stringify({
        requests: served,
        seconds: result.duration,
        rps: served / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statuses: Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]),
        ),
      }),
    );
  },
);

// A run given by request count still ends in time: autocannon reports what it got so far.
if (options.maxSeconds) setTimeout(() => instance.stop(), options.maxSeconds * 1000).unref();
