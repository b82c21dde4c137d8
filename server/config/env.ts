import * as v from 'valibot';
import { MIDTRANS_BASE_URLS } from '../connectors/midtrans/midtrans-http.ts';
import { defaultMailFrom } from './mail-from.ts';
import { parseRateLimits, parseTrustProxy } from './rate-limit-settings.ts';

/** A variable read by `parse`, which answers the value or the message of what is wrong. */
function parsedBy<T>(parse: (text: string) => T | string) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = parse(dataset.value);
      if (typeof parsed !== 'string') return parsed;
      addIssue({ message: parsed });
      return NEVER;
    }),
  );
}

/** Every environment variable Paylink reads, parsed once at boot (README "Configuration"). */
const EnvSchema = v.object({
  HOST: v.optional(
    v.pipe(
      v.string(),
      // A name, an IPv4 address or a bare IPv6 address: it is both listened on and put in URLs.
      v.regex(
        /^(?:[A-Za-z0-9.-]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/,
        'must be a host name or an IP address (IPv6 without brackets)',
      ),
    ),
    '127.0.0.1',
  ),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,5}$/, 'must be a port number'),
      v.toNumber(),
      v.minValue(0),
      v.maxValue(65535),
    ),
    '3000',
  ),
  DATA_DIR: v.optional(v.pipe(v.string(), v.nonEmpty()), './data'),
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
    ),
  ),
  PUBLIC_BASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.url('must be an absolute URL'),
      v.regex(/^https?:\/\//, 'must be an http(s) URL'),
      // Payment URLs are this + `/b2b/<id>`: a query, fragment or user-info would break them.
      v.regex(/^[^?#@]*$/, 'must not have a query, fragment or user-info'),
      v.transform((url) => url.replace(/\/+$/, '')),
    ),
  ),
  SETTLEMENT_DELAY: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'must be whole seconds'), v.toNumber()),
    '86400',
  ),
  SMTP_URL: v.optional(
    v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')),
  ),
  MAIL_FROM: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200),
      v.regex(
        /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/,
        'must be an address such as "Paylink <no-reply@example.com>"',
      ),
    ),
  ),
  /** How often the worker looks for due work (expiry, settlement, deliveries). */
  WORKER_INTERVAL_MS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be whole milliseconds'),
      v.toNumber(),
      v.minValue(50),
      v.maxValue(60_000),
    ),
    '1000',
  ),
  /**
   * How long an idle keep-alive connection stays open (server/adapter/http-timeouts.ts): above
   * the idle timeout of a proxy in front (60 s for nginx and AWS ALB).
   */
  KEEP_ALIVE_TIMEOUT_MS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be whole milliseconds'),
      v.toNumber(),
      v.minValue(1_000),
      v.maxValue(600_000),
    ),
    '65000',
  ),
  /**
   * SPEC §9: at most this many payments of one link pending at once; starting one more
   * cancels the oldest (server/domain/payment/start-payment.ts).
   */
  MAX_PENDING_PER_LINK: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.toNumber(),
      v.minValue(1),
      v.maxValue(1_000_000),
    ),
    '50',
  ),
  ADMIN_TOKEN: v.optional(
    v.pipe(
      v.string(),
      v.minLength(16, 'must be at least 16 characters'),
      // It is sent as `Authorization: Bearer <token>`, which cannot carry whitespace.
      v.regex(/^\S+$/, 'must not contain whitespace'),
    ),
  ),
  SECRET_KEY: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)'),
    ),
  ),
  /** SPEC §10: where instruments come from (server/connectors/registry.ts). */
  PAYMENT_PROVIDER: v.optional(v.picklist(['sandbox', 'none', 'midtrans']), 'sandbox'),
  /** The Midtrans Server Key (dashboard → Settings → Access Keys); required with `midtrans`. */
  MIDTRANS_SERVER_KEY: v.optional(
    v.pipe(v.string(), v.regex(/^[\x21-\x7e]{8,200}$/, 'must be a Midtrans server key')),
  ),
  MIDTRANS_ENVIRONMENT: v.optional(v.picklist(['sandbox', 'production']), 'sandbox'),
  /** Another base URL for the Core API: an emulator in tests and local development. */
  MIDTRANS_BASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.url('must be an absolute URL'),
      v.regex(/^https?:\/\/[^?#]*$/, 'must be an http(s) URL without a query'),
      v.transform((url) => url.replace(/\/+$/, '')),
    ),
  ),
  /** How long one call to the gateway may take before it counts as unavailable. */
  MIDTRANS_TIMEOUT_MS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be whole milliseconds'),
      v.toNumber(),
      v.minValue(100),
      v.maxValue(120_000),
    ),
    '10000',
  ),
  LOG_LEVEL: v.optional(v.picklist(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  /**
   * SPEC §6: callbacks go only to public addresses unless this is `true` (a receiver on this
   * machine or network, in development and tests).
   */
  CALLBACK_ALLOW_PRIVATE: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'must be true or false'),
      v.transform((value) => value === 'true'),
    ),
    'false',
  ),
  /** SPEC §9 limits: `off`, or `name=COUNT/SECONDS,…` over the defaults (unset: defaults). */
  RATE_LIMITS: v.optional(parsedBy(parseRateLimits)),
  /** Proxy hops whose X-Forwarded-For is believed (unset: none, the socket is the client). */
  TRUST_PROXY: v.optional(parsedBy(parseTrustProxy)),
  /** SPEC §9 "Logs": readable lines, or one JSON object per line for a log collector. */
  LOG_FORMAT: v.optional(v.picklist(['text', 'json']), 'text'),
});

type ParsedEnv = v.InferOutput<typeof EnvSchema>;

export type Config = ParsedEnv & {
  PUBLIC_BASE_URL: string;
  MAIL_FROM: string;
  /** The given override, else the documented base URL of MIDTRANS_ENVIRONMENT. */
  MIDTRANS_BASE_URL: string;
};

/** A clear message naming each bad variable; thrown at boot, never at request time. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the process environment; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const lines = result.issues.map((issue) => `  ${v.getDotPath(issue) ?? '?'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const parsed = result.output;
  const providerProblem = midtransProblem(parsed);
  if (providerProblem) throw new ConfigError(`Invalid configuration:\n  ${providerProblem}`);
  const defaultBase = `http://${parsed.HOST.includes(':') ? `[${parsed.HOST}]` : parsed.HOST}:${parsed.PORT}`;
  const publicBaseUrl = parsed.PUBLIC_BASE_URL ?? defaultBase;
  return {
    ...parsed,
    PUBLIC_BASE_URL: publicBaseUrl,
    MAIL_FROM: parsed.MAIL_FROM ?? defaultMailFrom(publicBaseUrl),
    MIDTRANS_BASE_URL: parsed.MIDTRANS_BASE_URL ?? MIDTRANS_BASE_URLS[parsed.MIDTRANS_ENVIRONMENT],
  };
}

/** SPEC §10: the Midtrans connector needs its key, and the key must suit the environment. */
function midtransProblem(parsed: ParsedEnv): string | null {
  if (parsed.PAYMENT_PROVIDER !== 'midtrans') return null;
  const key = parsed.MIDTRANS_SERVER_KEY;
  if (!key) return 'MIDTRANS_SERVER_KEY: is required when PAYMENT_PROVIDER is midtrans';
  // Sandbox keys start with SB-; the production API refuses them (and the other way round).
  const isSandboxKey = key.startsWith('SB-');
  if (parsed.MIDTRANS_ENVIRONMENT === 'production' && isSandboxKey && !parsed.MIDTRANS_BASE_URL)
    return 'MIDTRANS_SERVER_KEY: is a sandbox key (SB-…) but MIDTRANS_ENVIRONMENT is production';
  return null;
}
