import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import {
  ACCOUNT_STATUSES,
  type Account,
  type AccountStore,
  type StoredCredentials,
} from '../domain/account/account.ts';
import type { Db } from './database.ts';
import { accounts } from './schema.ts';

type AccountRow = typeof accounts.$inferSelect;

const StatusSchema = v.picklist(ACCOUNT_STATUSES);

/** A status outside the closed union is a broken row, not an input error: fail loudly. */
function parseStatus(row: AccountRow): Account['status'] {
  const parsed = v.safeParse(StatusSchema, row.status);
  if (!parsed.success) {
    throw new Error(`account ${row.id} has an unknown status ${JSON.stringify(row.status)}`);
  }
  return parsed.output;
}

function toAccount(row: AccountRow): Account & StoredCredentials {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    status: parseStatus(row),
    callbackUrl: row.callbackUrl,
    inquiryCallbackUrl: row.inquiryCallbackUrl,
    clientId: row.clientId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    apiKeyHash: row.apiKeyHash,
    apiKeySealed: row.apiKeySealed,
    clientSecretSealed: row.clientSecretSealed,
    webhookSecretSealed: row.webhookSecretSealed,
  };
}

function withoutCredentials(account: Account & StoredCredentials): Account {
  const {
    apiKeyHash: _h,
    apiKeySealed: _k,
    clientSecretSealed: _c,
    webhookSecretSealed: _w,
    ...rest
  } = account;
  return rest;
}

export function createAccountStore(db: Db): AccountStore {
  const findOne = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select().from(accounts).where(where).limit(1);
    return row ? toAccount(row) : null;
  };
  return {
    async insert(account) {
      await db.insert(accounts).values(account);
    },
    async findById(id) {
      const found = await findOne(eq(accounts.id, id));
      return found && withoutCredentials(found);
    },
    findCredentialsByClientId: (clientId) => findOne(eq(accounts.clientId, clientId)),
    findCredentialsById: (id) => findOne(eq(accounts.id, id)),
  };
}
