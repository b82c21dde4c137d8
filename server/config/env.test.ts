import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

/** The ConfigError thrown for `env`; fails the test when nothing is thrown. */
function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig: defaults', () => {
  it('serves 127.0.0.1:3000 with PGlite under ./data, sandbox provider, info logs', () => {
    expect(loadConfig({})).toEqual({
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: './data',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      SETTLEMENT_DELAY: 86_400,
      PAYMENT_PROVIDER: 'sandbox',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'text',
      MAIL_FROM: 'Paylink <no-reply@localhost>',
      WORKER_INTERVAL_MS: 1000,
      CALLBACK_ALLOW_PRIVATE: false,
      KEEP_ALIVE_TIMEOUT_MS: 65_000,
      MAX_PENDING_PER_LINK: 50,
      MIDTRANS_ENVIRONMENT: 'sandbox',
      MIDTRANS_BASE_URL: 'https://api.sandbox.midtrans.com',
      MIDTRANS_TIMEOUT_MS: 10_000,
    });
  });

  it('leaves the optional features off: no DATABASE_URL, SMTP_URL, ADMIN_TOKEN or SECRET_KEY', () => {
    const config = loadConfig({});
    for (const name of ['DATABASE_URL', 'SMTP_URL', 'ADMIN_TOKEN', 'SECRET_KEY'] as const) {
      expect(config[name]).toBeUndefined();
    }
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' })).toEqual(loadConfig({}));
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({
      HOST: '',
      PORT: '',
      DATA_DIR: '',
      DATABASE_URL: '',
      PUBLIC_BASE_URL: '',
      SETTLEMENT_DELAY: '',
      SMTP_URL: '',
      ADMIN_TOKEN: '',
      SECRET_KEY: '',
      PAYMENT_PROVIDER: '',
      LOG_LEVEL: '',
    });
    expect(config).toEqual(loadConfig({}));
    expect(config.ADMIN_TOKEN).toBeUndefined();
  });
});

describe('loadConfig: values', () => {
  it('parses numbers and keeps strings', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATA_DIR: '/var/lib/paylink',
      DATABASE_URL: 'postgresql://paylink@db:5432/paylink',
      SETTLEMENT_DELAY: '0',
      SMTP_URL: 'smtps://user:pw@mail.example.com:465',
      ADMIN_TOKEN: 'a-long-admin-token-123',
      SECRET_KEY: 'AB'.repeat(32),
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 8080,
      DATA_DIR: '/var/lib/paylink',
      DATABASE_URL: 'postgresql://paylink@db:5432/paylink',
      SETTLEMENT_DELAY: 0,
      SMTP_URL: 'smtps://user:pw@mail.example.com:465',
      ADMIN_TOKEN: 'a-long-admin-token-123',
      SECRET_KEY: 'AB'.repeat(32),
      LOG_LEVEL: 'silent',
    });
  });

  it.each([
    [{ HOST: '0.0.0.0', PORT: '8080' }, 'http://0.0.0.0:8080'],
    [{ HOST: 'paylink.local' }, 'http://paylink.local:3000'],
    [{ PORT: '443' }, 'http://127.0.0.1:443'],
    [{ HOST: '::1' }, 'http://[::1]:3000'],
    [{ HOST: '::', PORT: '8443' }, 'http://[::]:8443'],
    [{ HOST: 'fe80::1', PORT: '3001' }, 'http://[fe80::1]:3001'],
  ])('derives PUBLIC_BASE_URL from HOST and PORT: %j → %s', (env, base) => {
    const config = loadConfig(env);
    expect(config.PUBLIC_BASE_URL).toBe(base);
    expect(new URL(config.PUBLIC_BASE_URL).origin).toBe(base);
  });

  it.each([
    ['https://pay.example.com', 'https://pay.example.com'],
    ['https://pay.example.com/', 'https://pay.example.com'],
    ['https://example.com/paylink//', 'https://example.com/paylink'],
    ['http://localhost:4321', 'http://localhost:4321'],
  ])('takes PUBLIC_BASE_URL over HOST/PORT, without trailing slashes: %s', (value, base) => {
    expect(
      loadConfig({ HOST: '0.0.0.0', PORT: '8080', PUBLIC_BASE_URL: value }).PUBLIC_BASE_URL,
    ).toBe(base);
  });
});

describe('loadConfig: CALLBACK_ALLOW_PRIVATE', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['', false],
  ])(
    '%j reads as %s (callbacks to private addresses are refused unless it is true)',
    (value, allowed) => {
      expect(loadConfig({ CALLBACK_ALLOW_PRIVATE: value }).CALLBACK_ALLOW_PRIVATE).toBe(allowed);
    },
  );
});

describe('loadConfig: MAIL_FROM', () => {
  it.each([
    ['https://pay.kopisenja.id', 'Paylink <no-reply@pay.kopisenja.id>'],
    ['https://Pay.Example.COM:8443/base', 'Paylink <no-reply@pay.example.com>'],
    ['http://127.0.0.1:3000', 'Paylink <no-reply@localhost>'],
    ['http://[::1]:3000', 'Paylink <no-reply@localhost>'],
    ['http://localhost:3000', 'Paylink <no-reply@localhost>'],
    ['http://paylink:3000', 'Paylink <no-reply@localhost>'],
  ])('unset, sends as no-reply@ the host of PUBLIC_BASE_URL %s', (base, from) => {
    expect(loadConfig({ PUBLIC_BASE_URL: base }).MAIL_FROM).toBe(from);
  });

  it('from HOST when PUBLIC_BASE_URL is unset too', () => {
    expect(loadConfig({ HOST: 'pay.example.com' }).MAIL_FROM).toBe(
      'Paylink <no-reply@pay.example.com>',
    );
  });

  it('set, is taken as it is, and still checked', () => {
    const env = { PUBLIC_BASE_URL: 'https://pay.example.com' };
    expect(loadConfig({ ...env, MAIL_FROM: 'Kasir <kasir@example.com>' }).MAIL_FROM).toBe(
      'Kasir <kasir@example.com>',
    );
    expect(() => loadConfig({ ...env, MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
  });
});

describe('loadConfig: every invalid variable is a ConfigError naming it', () => {
  it.each([
    ['HOST', 'pay example'],
    ['HOST', '[::1]'],
    ['HOST', 'example.com/path'],
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '3000.5'],
    ['PORT', ' 3000'],
    ['DATABASE_URL', 'mysql://db/paylink'],
    ['DATABASE_URL', 'db.example.com'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['PUBLIC_BASE_URL', 'pay.example.com'],
    ['PUBLIC_BASE_URL', 'ftp://pay.example.com'],
    ['PUBLIC_BASE_URL', 'javascript:alert(1)'],
    ['PUBLIC_BASE_URL', 'https://pay.example.com/?ref=1'],
    ['PUBLIC_BASE_URL', 'https://pay.example.com/#top'],
    ['PUBLIC_BASE_URL', 'https://user:pw@pay.example.com'],
    ['SETTLEMENT_DELAY', 'abc'],
    ['SETTLEMENT_DELAY', '-1'],
    ['SETTLEMENT_DELAY', '1.5'],
    ['SETTLEMENT_DELAY', '1d'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['SMTP_URL', 'mail.example.com:25'],
    ['ADMIN_TOKEN', 'too-short'],
    ['ADMIN_TOKEN', 'has a space in the middle'],
    ['SECRET_KEY', 'abc'],
    ['SECRET_KEY', '0f'.repeat(31)],
    ['SECRET_KEY', '0f'.repeat(33)],
    ['SECRET_KEY', 'zz'.repeat(32)],
    ['PAYMENT_PROVIDER', 'stripe'],
    ['LOG_LEVEL', 'verbose'],
    ['LOG_LEVEL', 'INFO'],
    ['LOG_FORMAT', 'logfmt'],
    ['CALLBACK_ALLOW_PRIVATE', 'yes'],
    ['CALLBACK_ALLOW_PRIVATE', 'TRUE'],
    ['CALLBACK_ALLOW_PRIVATE', '1'],
  ])('%s=%j', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('names every bad variable at once', () => {
    const error = configErrorOf({
      PORT: 'x',
      LOG_LEVEL: 'loud',
      ADMIN_TOKEN: 'short',
      HOST: '127.0.0.1',
    });
    const named = [...error.message.matchAll(/^\s+([A-Z_]+): /gm)].map((match) => match[1]).sort();
    expect(named).toEqual(['ADMIN_TOKEN', 'LOG_LEVEL', 'PORT']);
  });

  it.each([
    ['ADMIN_TOKEN', 'hunter2-short'],
    ['SECRET_KEY', 'not-hex-but-could-be-a-real-secret'],
    ['DATABASE_URL', 'mysql://paylink:s3cr3t-password@db/paylink'],
    ['SMTP_URL', 'http://mailer:s3cr3t-password@mail.example.com'],
  ])('does not echo the value of %s, which may be a secret', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.message).toContain(name);
    expect(error.message).not.toContain(value);
    expect(error.message).not.toContain('s3cr3t');
  });
});

// SPEC §10: the Midtrans connector's variables.
describe('loadConfig: PAYMENT_PROVIDER=midtrans', () => {
  const key = 'SB-Mid-server-abc123cde456';

  it('needs MIDTRANS_SERVER_KEY, and names it', () => {
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'midtrans' })).toThrow(
      /MIDTRANS_SERVER_KEY: is required when PAYMENT_PROVIDER is midtrans/,
    );
  });

  it('reaches the sandbox or production API by MIDTRANS_ENVIRONMENT, or the given base URL', () => {
    const sandbox = loadConfig({ PAYMENT_PROVIDER: 'midtrans', MIDTRANS_SERVER_KEY: key });
    expect(sandbox.MIDTRANS_BASE_URL).toBe('https://api.sandbox.midtrans.com');
    const production = loadConfig({
      PAYMENT_PROVIDER: 'midtrans',
      MIDTRANS_SERVER_KEY: 'Mid-server-abc123cde456',
      MIDTRANS_ENVIRONMENT: 'production',
    });
    expect(production.MIDTRANS_BASE_URL).toBe('https://api.midtrans.com');
    const emulator = loadConfig({
      PAYMENT_PROVIDER: 'midtrans',
      MIDTRANS_SERVER_KEY: key,
      MIDTRANS_BASE_URL: 'http://127.0.0.1:3900/',
    });
    expect(emulator.MIDTRANS_BASE_URL).toBe('http://127.0.0.1:3900');
  });

  it('refuses a sandbox key for production', () => {
    expect(() =>
      loadConfig({
        PAYMENT_PROVIDER: 'midtrans',
        MIDTRANS_SERVER_KEY: key,
        MIDTRANS_ENVIRONMENT: 'production',
      }),
    ).toThrow(/MIDTRANS_SERVER_KEY: is a sandbox key/);
  });

  it.each([
    ['MIDTRANS_ENVIRONMENT', 'live', /MIDTRANS_ENVIRONMENT/],
    ['MIDTRANS_BASE_URL', 'ftp://example.com', /MIDTRANS_BASE_URL: must be an http\(s\) URL/],
    ['MIDTRANS_TIMEOUT_MS', '10s', /MIDTRANS_TIMEOUT_MS: must be whole milliseconds/],
    ['MIDTRANS_SERVER_KEY', 'short', /MIDTRANS_SERVER_KEY: must be a Midtrans server key/],
  ])('names a bad %s', (name, value, message) => {
    expect(() =>
      loadConfig({ PAYMENT_PROVIDER: 'midtrans', MIDTRANS_SERVER_KEY: key, [name]: value }),
    ).toThrow(message);
  });
});
