import type { Clock, RandomBytes } from '../shared/clock.ts';
import { randomHex } from '../shared/clock.ts';
import { newUlid } from '../shared/ids.ts';
import type { Account, AccountStore, Branding } from './account.ts';
import type { LogoImage } from './logo-image.ts';

export type AccountDeps = {
  clock: Clock;
  random: RandomBytes;
  accounts: AccountStore;
  seal: (secret: string) => string;
  hashApiKey: (apiKey: string) => string;
};

export type NewAccountInput = Omit<Branding, 'logo'> & {
  name: string;
  email: string | null;
  phone: string | null;
  callbackUrl: string | null;
  inquiryCallbackUrl: string | null;
  logo: LogoImage | null;
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
  const { logo, ...fields } = input;
  const account: Account = {
    id: newUlid(now, deps.random),
    ...fields,
    logo: logo && { type: logo.type, sha256: logo.sha256, width: logo.width, height: logo.height },
    status: 'active',
    clientId: credentials.clientId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.accounts.insert({
    ...account,
    logo,
    apiKeyHash: deps.hashApiKey(credentials.apiKey),
    apiKeySealed: deps.seal(credentials.apiKey),
    clientSecretSealed: deps.seal(credentials.clientSecret),
    webhookSecretSealed: deps.seal(credentials.webhookSecret),
  });
  return { account, credentials };
}
