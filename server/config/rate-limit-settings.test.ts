import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS } from './rate-limit-settings.ts';

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('RATE_LIMITS', () => {
  it('is SPEC §9 defaults when unset', () => {
    expect(loadConfig({}).RATE_LIMITS).toBeUndefined();
    expect(DEFAULT_RATE_LIMITS).toEqual({
      token_partner: { count: 10, seconds: 60 },
      token_ip: { count: 30, seconds: 60 },
      admin_failures: { count: 10, seconds: 60 },
      api_failures: { count: 30, seconds: 60 },
      payment_start: { count: 10, seconds: 60 },
      sandbox_writes: { count: 60, seconds: 60 },
      notification_failures: { count: 30, seconds: 60 },
    });
  });

  it('`off` turns every limit off', () => {
    expect(loadConfig({ RATE_LIMITS: 'off' }).RATE_LIMITS).toEqual(NO_RATE_LIMITS);
  });

  it('changes the limits it names and keeps the others', () => {
    const config = loadConfig({ RATE_LIMITS: 'token_ip=5/10, sandbox_writes=off' });
    expect(config.RATE_LIMITS).toEqual({
      ...DEFAULT_RATE_LIMITS,
      token_ip: { count: 5, seconds: 10 },
      sandbox_writes: 'off',
    });
  });

  it.each([
    ['token_ip=30', /RATE_LIMITS: "token_ip=30" must be NAME=COUNT\/SECONDS/],
    ['token_ip=30/min', /RATE_LIMITS: "token_ip=30\/min" must be/],
    ['tokens=30/60', /RATE_LIMITS: unknown limit "tokens" \(known: token_partner, /],
    ['token_ip=0/60', /RATE_LIMITS: "token_ip=0\/60": the count must be 1 to/],
    ['token_ip=5/0', /RATE_LIMITS: "token_ip=5\/0": the window must be 1 to 86400 seconds/],
    ['token_ip=5/60,token_ip=6/60', /RATE_LIMITS: "token_ip" is given twice/],
    ['on', /RATE_LIMITS: "on" must be/],
  ])('refuses %s at boot, naming the bad part', (value, message) => {
    expect(messageOf({ RATE_LIMITS: value })).toMatch(message);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, undefined],
    ['false', 0],
    ['1', 1],
    ['2', 2],
    ['true', Number.POSITIVE_INFINITY],
  ])('%s → %s trusted hops', (value, hops) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });

  it.each(['yes', '-1', '1.5', '100'])('refuses %s at boot', (value) => {
    expect(messageOf({ TRUST_PROXY: value })).toMatch(/TRUST_PROXY: must be true, false or/);
  });
});
