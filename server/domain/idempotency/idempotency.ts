/**
 * `Idempotency-Key` on create (SPEC §3.2), as Stripe does it: the first request with a key
 * claims it; its answer is kept and replayed for the same key and body; another body with the
 * key is refused; a second request while the first still runs is refused too.
 */

/** Keys are kept at least this long after their first request (SPEC §3.2: ≥ 24 h). */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * A claim whose request never finished (its process died, or recording the answer failed) is
 * given up after this long, so that the key is not blocked for a day. No create takes minutes.
 */
export const IDEMPOTENCY_LEASE_MS = 5 * 60 * 1000;

export type StoredAnswer = { status: number; body: string };

/** A stored key as the decision needs it. */
export type IdempotencyRecord = {
  fingerprint: string;
  answer: StoredAnswer | null;
  createdAt: Date;
};

export type IdempotencyClaim =
  /** This request runs; `claimedAt` identifies its claim when it completes or releases it. */
  | { kind: 'claimed'; claimedAt: Date }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in_progress' }
  /** The key was first used with another request. */
  | { kind: 'reused' };

/** What a request finds when its key is already stored; 'reclaim' treats the key as absent. */
export function decideOnStoredKey(
  record: IdempotencyRecord,
  fingerprint: string,
  now: Date,
): Exclude<IdempotencyClaim, { kind: 'claimed' }> | { kind: 'reclaim' } {
  const age = now.getTime() - record.createdAt.getTime();
  if (age > IDEMPOTENCY_KEEP_MS) return { kind: 'reclaim' };
  if (record.answer === null && age > IDEMPOTENCY_LEASE_MS) return { kind: 'reclaim' };
  if (record.fingerprint !== fingerprint) return { kind: 'reused' };
  if (record.answer === null) return { kind: 'in_progress' };
  return { kind: 'replay', answer: record.answer };
}

export type IdempotencyStore = {
  /** Claims the account's key for this request, or says why not (see decideOnStoredKey). */
  claim: (
    accountId: string,
    key: string,
    fingerprint: string,
    now: Date,
  ) => Promise<IdempotencyClaim>;
  /** Keeps the answer of a claimed request for replay. */
  complete: (
    accountId: string,
    key: string,
    claimedAt: Date,
    answer: StoredAnswer,
    at: Date,
  ) => Promise<void>;
  /** Gives up a claim (the request failed on our side): the key may be used again at once. */
  release: (accountId: string, key: string, claimedAt: Date) => Promise<void>;
};
