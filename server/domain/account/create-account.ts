import type { Clock, RandomBytes } from '../shared/clock.ts';
import { randomHex } from '../shared/clock.ts';
import { newUlid } from '../shared/ids.ts';
import type { Account, AccountStore } from './account.ts';

export type AccountDeps = {
  clock: Clock;
  random: RandomBytes;
  accounts: AccountStore;
  seal: (secret: string) => string;
  hashApiKey: (apiKey: string) => string;
};

export type NewAccountInput = {
  name: string;
  email: string | null;
  phone: string | null;
  callbackUrl: string | null;
  inquiryCallbackUrl: string | null;
};

/** Credentials in the clear: returned once, at creation, and never again (SPEC §9). */
export type IssuedCredentials = {
  apiKey: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
};

/** Creates an active merchant account with fresh credentials. */
export async function createAccount(
  deps: AccountDeps,
  input: NewAccountInput,
): Promise<{ account: Account; credentials: IssuedCredentials }> {
  const now = deps.clock();
  const credentials: IssuedCredentials = {
    apiKey: `pk_${randomHex(deps.random, 16)}`,
    clientId: `cl_${randomHex(deps.random, 12)}`,
    clientSecret: `cs_${randomHex(deps.random, 32)}`,
    // Standard Webhooks secrets are `whsec_` + base64 of the key bytes.
    webhookSecret: `whsec_${Buffer.from(deps.random(32)).toString('base64')}`,
  };
  const account: Account = {
    id: newUlid(now, deps.random),
    ...input,
    status: 'active',
    clientId: credentials.clientId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.accounts.insert({
    ...account,
    apiKeyHash: deps.hashApiKey(credentials.apiKey),
    apiKeySealed: deps.seal(credentials.apiKey),
    clientSecretSealed: deps.seal(credentials.clientSecret),
    webhookSecretSealed: deps.seal(credentials.webhookSecret),
  });
  return { account, credentials };
}
