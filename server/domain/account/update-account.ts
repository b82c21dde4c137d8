import type { Clock } from '../shared/clock.ts';
import { failure, type Result, success } from '../shared/result.ts';
import type { Account, AccountChanges, AccountStore } from './account.ts';

/**
 * SPEC §9: an admin changes an account's details or branding. The store writes them in one
 * transaction and the caches drop the old ones, so the very next page shows the new ones.
 */
export async function updateAccount(
  deps: { clock: Clock; accounts: AccountStore },
  id: string,
  changes: AccountChanges,
): Promise<Result<Account>> {
  const updated = await deps.accounts.update(id, changes, deps.clock());
  return updated ? success(updated) : failure('ACCOUNT_NOT_FOUND', `No account ${id}.`);
}
