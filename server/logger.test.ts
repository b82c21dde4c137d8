import { describe, expect, it } from 'vitest';
import { createLogger, type EventLevel, type LogFormat } from './logger.ts';

const NOW = new Date('2026-01-15T03:00:00.000Z');

function capture(format: LogFormat, level: 'debug' | 'info' | 'silent' = 'debug') {
  const lines: { line: string; level: EventLevel }[] = [];
  const log = createLogger(level, {
    format,
    now: () => NOW,
    write: (line, at) => lines.push({ line, level: at }),
  });
  return { log, lines, text: () => lines.map((entry) => entry.line).join('\n') };
}

/** A real log line: the time, a level, then the event (SPEC §9 "Logs"). */
const LINE_START = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (debug|info|warn|error) /;

// What an attacker puts in a URL or a header to forge a line or hide one.
const HOSTILE = [
  '\n2026-01-15T03:00:00.000Z info account 01ABC created',
  '\r\n2026-01-15T03:00:00.000Z error forged',
  'x\u20282026-01-15T03:00:00.000Z info forged',
  'x\u20292026-01-15T03:00:00.000Z info forged',
  'x\u0085next line (NEL)',
  'x\u202ednesrever',
  'x\u2066isolate\u2069',
  'x\u001b[2Kx\u001b[1Gcleared',
  'nul\u0000byte',
  'lone \ud800 surrogate',
];

describe('createLogger: one line per event (text)', () => {
  it('writes the time, the level, the message and the fields on one line', () => {
    const { log, lines } = capture('text');
    log.info('payment started', { payment_id: 12, link_id: 3, method: 'VA_BRI' });
    log.warn('delivery attempt failed', { error: 'HTTP 503', next_try: 'giving up' });
    expect(lines).toEqual([
      {
        line: '2026-01-15T03:00:00.000Z info payment started payment_id=12 link_id=3 method=VA_BRI',
        level: 'info',
      },
      {
        line: '2026-01-15T03:00:00.000Z warn delivery attempt failed error="HTTP 503" next_try="giving up"',
        level: 'warn',
      },
    ]);
  });

  it.each(HOSTILE)('cannot be broken or forged by %j in a message or a field', (hostile) => {
    const { log, lines } = capture('text');
    log.error(`unhandled error on GET /b2b/${hostile}`, { route: hostile, method: 'GET' });
    expect(lines).toHaveLength(1);
    const line = lines[0]?.line ?? '';
    expect(line.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)).toHaveLength(1);
    expect(line).toMatch(LINE_START);
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(line).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  });

  it('shows what was escaped, and keeps a backslash from faking an escape', () => {
    const { log, lines } = capture('text');
    log.info('path /b2b/a\nb\\nc\u202ed');
    expect(lines[0]?.line).toBe('2026-01-15T03:00:00.000Z info path /b2b/a\\nb\\\\nc\\u202ed');
  });

  it('leaves out what is below the level, and everything when silent', () => {
    const info = capture('text', 'info');
    info.log.debug('noise');
    info.log.info('kept');
    expect(info.lines.map((entry) => entry.line)).toEqual(['2026-01-15T03:00:00.000Z info kept']);
    const silent = capture('text', 'silent');
    silent.log.error('nothing');
    expect(silent.lines).toEqual([]);
  });
});

describe('createLogger: LOG_FORMAT=json', () => {
  it('writes one JSON object per line: time, level, msg, then the fields', () => {
    const { log, lines } = capture('json');
    log.info('delivery attempt: delivered', { delivery_id: 7, http_status: 200, retry: null });
    expect(lines[0]?.line).toBe(
      '{"time":"2026-01-15T03:00:00.000Z","level":"info","msg":"delivery attempt: delivered","delivery_id":7,"http_status":200,"retry":null}',
    );
  });

  it('parses back line by line whatever the message held, and keeps its text', () => {
    const { log, lines } = capture('json');
    for (const hostile of HOSTILE) log.warn(`GET /b2b/${hostile}`, { route: hostile });
    expect(lines).toHaveLength(HOSTILE.length);
    const joined = lines.map((entry) => entry.line).join('\n');
    const parsed = joined.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toHaveLength(HOSTILE.length);
    expect(parsed[0]).toMatchObject({ level: 'warn', msg: `GET /b2b/${HOSTILE[0]}` });
    expect(parsed[5]).toMatchObject({ route: HOSTILE[5] });
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(joined).not.toMatch(/[\u2028\u2029\u0085\u202e\u2066\u001b]/);
  });

  it('does not let a field stand in for the time, level or message', () => {
    const { log, lines } = capture('json');
    log.info('real', { time: 'forged', level: 'error', msg: 'forged' });
    expect(JSON.parse(lines[0]?.line ?? '')).toEqual({
      time: '2026-01-15T03:00:00.000Z',
      level: 'info',
      msg: 'real',
    });
  });
});

describe('createLogger: nothing secret (SPEC §9 "Logs")', () => {
  const SECRETS = {
    publicId: 'PL20260115100000ab12cd34ef56ab12cd34ef56ab12cd34',
    v4Id: 'paymentlink_ab12cd34ef56ab12cd34ef56ab12cd34',
    paymentRef: 'PY0123456789ABCDEFGH',
    apiKey: `pk_${'a1'.repeat(16)}`,
    clientSecret: `cs_${'b2'.repeat(32)}`,
    webhookSecret: 'whsec_GoRqPPJA8VQ6OKaXJRN2Q9RV/2CUUpHz9Iq1Y85qhgE=',
    sealed: 'v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB.Q0NDQ0NDQ0M',
    hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMUFCQyJ9.c2lnbmF0dXJl',
  };

  it.each(['text', 'json'] as const)(
    'masks ids, secrets, hashes and query parameters that reach it (%s)',
    (format) => {
      const { log, text } = capture(format);
      const all = Object.values(SECRETS).join(' ');
      log.error(`Failed query: select 1\nparams: ${all}`);
      log.error('unhandled error', { message: all, cause: `see ${SECRETS.publicId}` });
      for (const secret of Object.values(SECRETS)) expect(text()).not.toContain(secret);
      expect(text()).toContain('params: [redacted]');
      expect(text()).toContain('[public-id]');
    },
  );

  it('prints the demo credentials once, unmasked, as a block or one JSON object', () => {
    const credentials = { api_key: SECRETS.apiKey, client_secret: SECRETS.clientSecret };
    const text = capture('text', 'silent');
    text.log.revealOnce('Demo merchant:', credentials);
    expect(text.text()).toBe(
      `\nDemo merchant:\n  api_key       ${SECRETS.apiKey}\n  client_secret ${SECRETS.clientSecret}\n`,
    );
    const json = capture('json', 'silent');
    json.log.revealOnce('Demo merchant:', credentials);
    expect(JSON.parse(json.text())).toMatchObject({
      level: 'info',
      msg: 'Demo merchant:',
      ...credentials,
    });
  });
});
