export const ACCOUNT_STATUSES = ['active', 'suspended'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A merchant, as the rest of the code sees it: no secret in here. */
export type Account = {
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

export type NewAccount = Account & StoredCredentials;

export type AccountStore = {
  insert: (account: NewAccount) => Promise<void>;
  findById: (id: string) => Promise<Account | null>;
  /** The account with its stored credentials, for authentication only. */
  findCredentialsByClientId: (clientId: string) => Promise<(Account & StoredCredentials) | null>;
  findCredentialsById: (id: string) => Promise<(Account & StoredCredentials) | null>;
};
