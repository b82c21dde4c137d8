import type { LogoImage, LogoMeta } from './logo-image.ts';

export const ACCOUNT_STATUSES = ['active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * How the merchant looks to its customers (SPEC §9 "Branding"): every field optional. The
 * logo's bytes live apart (AccountStore.findLogo); the account carries what a page needs.
 */
export type Branding = {
  /** The name customers see; `name` when null. */
  displayName: string | null;
  logo: LogoMeta | null;
  /** `#rrggbb`, lower case. */
  brandColor: string | null;
  supportEmail: string | null;
  /** E.164, `+62…`. */
  supportPhone: string | null;
};

/** A merchant, as the rest of the code sees it: no secret in here. */
export type Account = Branding & {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: AccountStatus;
  callbackUrl: string | null;
  inquiryCallbackUrl: string | null;
  clientId: string;
  createdAt: Date;
  updatedAt: Date;
};

/** What the store keeps besides the account: a hash and two sealed secrets. */
export type StoredCredentials = {
  apiKeyHash: string;
  /** Null for accounts created before callbacks carried X-PARTNER-ID. */
  apiKeySealed: string | null;
  clientSecretSealed: string;
  webhookSecretSealed: string;
};

/** A new account; its logo, when it has one, with the bytes. */
export type NewAccount = Omit<Account, 'logo'> & StoredCredentials & { logo: LogoImage | null };

/**
 * The fields an admin may change (SPEC §9): absent ones stay as they are; `logo: null`
 * removes the logo.
 */
export type AccountChanges = Partial<
  Pick<Account, 'name' | 'email' | 'phone' | 'callbackUrl' | 'inquiryCallbackUrl'> &
    Omit<Branding, 'logo'> & { logo: LogoImage | null }
>;

export type AccountStore = {
  insert: (account: NewAccount) => Promise<void>;
  findById: (id: string) => Promise<Account | null>;
  /** The account with its stored credentials, for authentication only. */
  findCredentialsByClientId: (clientId: string) => Promise<(Account & StoredCredentials) | null>;
  findCredentialsById: (id: string) => Promise<(Account & StoredCredentials) | null>;
  /** Applies the changes in one transaction; null when there is no such account. */
  update: (id: string, changes: AccountChanges, at: Date) => Promise<Account | null>;
  /** The account's logo bytes when its current logo has this content hash; else null. */
  findLogo: (
    id: string,
    sha256: string,
  ) => Promise<{ type: LogoMeta['type']; bytes: Uint8Array } | null>;
};
