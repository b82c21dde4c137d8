import type { Change } from './change-feed.ts';

/** The channel the database triggers announce changes on (migration 0006). */
export const CHANGES_CHANNEL = 'paylink_changes';

/** Reads a trigger's payload, 'l:<link id>' or 'a:<account id>'; anything else is null. */
export function parseChangePayload(payload: string): Change | null {
  const link = /^l:(\d{1,15})$/.exec(payload);
  if (link) return { kind: 'link', linkId: Number(link[1]) };
  const account = /^a:(\S{1,64})$/.exec(payload);
  if (account) return { kind: 'account', accountId: account[1] as string };
  return null;
}
