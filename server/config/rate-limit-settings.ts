/**
 * SPEC §9 "Limits": what each public door allows per client, and the `RATE_LIMITS` variable
 * that changes it (docs/decisions/013-rate-limits.md). Plain data: the counting is in
 * server/http/rate-limit/.
 */

/** At most `count` requests per `seconds`, or no limit at all. */
export type WindowLimit = { count: number; seconds: number } | 'off';

export const LIMIT_NAMES = [
  'token_partner',
  'token_ip',
  'admin_failures',
  'api_failures',
  'payment_start',
  'sandbox_writes',
  'notification_failures',
] as const;

export type LimitName = (typeof LIMIT_NAMES)[number];

export type RateLimitSettings = Readonly<Record<LimitName, WindowLimit>>;

/** SPEC §9's defaults; `api_failures` (bearer and Basic) is ours: see decision 013. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  token_partner: { count: 10, seconds: 60 },
  token_ip: { count: 30, seconds: 60 },
  admin_failures: { count: 10, seconds: 60 },
  api_failures: { count: 30, seconds: 60 },
  payment_start: { count: 10, seconds: 60 },
  sandbox_writes: { count: 60, seconds: 60 },
  // Gateway notifications (SPEC §10) whose signature fails, per address: a gateway's own
  // are signed and never counted.
  notification_failures: { count: 30, seconds: 60 },
};

export const NO_RATE_LIMITS: RateLimitSettings = Object.fromEntries(
  LIMIT_NAMES.map((name) => [name, 'off']),
) as RateLimitSettings;

const MAX_COUNT = 1_000_000;
const MAX_SECONDS = 86_400;

/**
 * `off`, or `name=COUNT/SECONDS` and `name=off` entries separated by commas; names not given
 * keep their default. Returns the settings, or the message naming the first bad part.
 */
export function parseRateLimits(text: string): RateLimitSettings | string {
  if (text.trim() === 'off') return NO_RATE_LIMITS;
  const settings: Record<string, WindowLimit> = { ...DEFAULT_RATE_LIMITS };
  const seen = new Set<string>();
  for (const part of text.split(',').map((entry) => entry.trim())) {
    const match = /^([a-z_]+)=(?:(off)|(\d{1,7})\/(\d{1,5}))$/.exec(part);
    if (!match) {
      return `"${part}" must be NAME=COUNT/SECONDS (such as token_ip=30/60) or NAME=off, or the whole value "off"`;
    }
    const [, name = '', off, count, seconds] = match;
    if (!(LIMIT_NAMES as readonly string[]).includes(name)) {
      return `unknown limit "${name}" (known: ${LIMIT_NAMES.join(', ')})`;
    }
    if (seen.has(name)) return `"${name}" is given twice`;
    seen.add(name);
    if (off) {
      settings[name] = 'off';
      continue;
    }
    const limit = { count: Number(count), seconds: Number(seconds) };
    if (limit.count < 1 || limit.count > MAX_COUNT) {
      return `"${part}": the count must be 1 to ${MAX_COUNT}`;
    }
    if (limit.seconds < 1 || limit.seconds > MAX_SECONDS) {
      return `"${part}": the window must be 1 to ${MAX_SECONDS} seconds`;
    }
    settings[name] = limit;
  }
  return settings as RateLimitSettings;
}

/**
 * `TRUST_PROXY`: how many proxies in front of us append to X-Forwarded-For. `false` (the
 * default) trusts none; `true` trusts them all (the leftmost address is the client).
 */
export function parseTrustProxy(text: string): number | string {
  if (text === 'false') return 0;
  if (text === 'true') return Number.POSITIVE_INFINITY;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return 'must be true, false or a number of proxy hops (such as 1)';
}
