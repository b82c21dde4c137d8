import type { JsonAnswer } from './core-answers.ts';

/** A.1: longer keys are ignored; successful answers are kept for 5 minutes. */
const MAX_KEY_LENGTH = 46;
const KEEP_MS = 5 * 60 * 1000;

export type KeyCheck =
  { kind: 'fresh' } | { kind: 'running' } | { kind: 'replay'; answer: JsonAnswer };

export type IdempotencyKeys = {
  /** Claims a key for a new call, or says why not: the first call still runs, or it is done. */
  claim: (key: string) => KeyCheck;
  /** Keeps a successful answer for replay. */
  keep: (key: string, answer: JsonAnswer) => void;
  /** Frees a key whose call failed: only successes are replayed. */
  release: (key: string) => void;
  clear: () => void;
};

/** The `Idempotency-Key` to honour, or null when absent or too long. */
export function usableKey(header: string | undefined): string | null {
  if (header === undefined || header === '' || header.length > MAX_KEY_LENGTH) return null;
  return header;
}

/** One global key space (A.1), timed by the emulator's clock. */
export function createIdempotencyKeys(now: () => number): IdempotencyKeys {
  const keys = new Map<string, 'running' | { answer: JsonAnswer; keptAt: number }>();
  return {
    claim: (key) => {
      const entry = keys.get(key);
      if (entry === 'running') return { kind: 'running' };
      if (entry !== undefined && now() - entry.keptAt < KEEP_MS) {
        return { kind: 'replay', answer: entry.answer };
      }
      keys.set(key, 'running');
      return { kind: 'fresh' };
    },
    keep: (key, answer) => {
      keys.set(key, { answer, keptAt: now() });
    },
    release: (key) => {
      if (keys.get(key) === 'running') keys.delete(key);
    },
    clear: () => keys.clear(),
  };
}
