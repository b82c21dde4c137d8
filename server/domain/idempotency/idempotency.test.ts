import { describe, expect, it } from 'vitest';
import {
  decideOnStoredKey,
  IDEMPOTENCY_KEEP_MS,
  IDEMPOTENCY_LEASE_MS,
  type IdempotencyRecord,
} from './idempotency.ts';

const NOW = new Date('2026-01-15T03:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ANSWER = { status: 200, body: '{"status":200}' };

type Row = [string, IdempotencyRecord, string, string];
// Every (age × finished? × same request?) that matters, with the boundaries written out.
const TABLE: Row[] = [
  ['finished, same body', { fingerprint: 'a', answer: ANSWER, createdAt: ago(0) }, 'a', 'replay'],
  ['finished, other body', { fingerprint: 'a', answer: ANSWER, createdAt: ago(0) }, 'b', 'reused'],
  ['running, same body', { fingerprint: 'a', answer: null, createdAt: ago(0) }, 'a', 'in_progress'],
  ['running, other body', { fingerprint: 'a', answer: null, createdAt: ago(0) }, 'b', 'reused'],
  [
    'running for exactly the lease',
    { fingerprint: 'a', answer: null, createdAt: ago(IDEMPOTENCY_LEASE_MS) },
    'a',
    'in_progress',
  ],
  [
    'running past the lease (abandoned)',
    { fingerprint: 'a', answer: null, createdAt: ago(IDEMPOTENCY_LEASE_MS + 1) },
    'b',
    'reclaim',
  ],
  [
    'finished exactly 24 h ago',
    { fingerprint: 'a', answer: ANSWER, createdAt: ago(IDEMPOTENCY_KEEP_MS) },
    'b',
    'reused',
  ],
  [
    'finished 24 h + 1 ms ago',
    { fingerprint: 'a', answer: ANSWER, createdAt: ago(IDEMPOTENCY_KEEP_MS + 1) },
    'b',
    'reclaim',
  ],
  [
    'finished 24 h + 1 ms ago, same body',
    { fingerprint: 'a', answer: ANSWER, createdAt: ago(IDEMPOTENCY_KEEP_MS + 1) },
    'a',
    'reclaim',
  ],
];

describe('decideOnStoredKey (SPEC §3.2)', () => {
  it.each(TABLE)('%s → %s', (_label, record, fingerprint, expected) => {
    expect(decideOnStoredKey(record, fingerprint, NOW).kind).toBe(expected);
  });

  it('replays the stored answer as stored', () => {
    const record = { fingerprint: 'a', answer: ANSWER, createdAt: ago(1) };
    expect(decideOnStoredKey(record, 'a', NOW)).toEqual({ kind: 'replay', answer: ANSWER });
  });

  it('keeps keys at least 24 hours and gives up unfinished claims within minutes', () => {
    expect(IDEMPOTENCY_KEEP_MS).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(IDEMPOTENCY_LEASE_MS).toBeLessThanOrEqual(10 * 60 * 1000);
  });
});
