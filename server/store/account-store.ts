import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import {
  ACCOUNT_STATUSES,
  type Account,
  type AccountStore,
  type StoredCredentials,
} from '../domain/account/account.ts';
import { LOGO_TYPES, type LogoImage, type LogoMeta } from '../domain/account/logo-image.ts';
import type { Db } from './database.ts';
import { accountLogos, accounts } from './schema.ts';

type AccountRow = typeof accounts.$inferSelect;

const StatusSchema = v.picklist(ACCOUNT_STATUSES);
const LogoMetaSchema = v.nullable(
  v.object({
    type: v.picklist(LOGO_TYPES),
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    width: v.number(),
    height: v.number(),
  }),
);

/** A status outside the closed union is a broken row, not an input error: fail loudly. */
function parseStatus(row: AccountRow): Account['status'] {
  const parsed = v.safeParse(StatusSchema, row.status);
  if (!parsed.success) {
    throw new Error(`account ${row.id} has an unknown status ${JSON.stringify(row.status)}`);
  }
  return parsed.output;
}

function parseLogo(row: AccountRow): LogoMeta | null {
  const parsed = v.safeParse(LogoMetaSchema, row.logo ?? null);
  if (!parsed.success) throw new Error(`account ${row.id} has a malformed logo record`);
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
    displayName: row.displayName,
    logo: parseLogo(row),
    brandColor: row.brandColor,
    supportEmail: row.supportEmail,
    supportPhone: row.supportPhone,
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

/** The row's record of a logo: everything but the bytes. */
const metaOf = ({ bytes: _bytes, ...meta }: LogoImage): LogoMeta => meta;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Puts the account's one logo in place (or removes it) inside the caller's transaction. */
async function replaceLogo(tx: Tx, accountId: string, logo: LogoImage | null, at: Date) {
  await tx.delete(accountLogos).where(eq(accountLogos.accountId, accountId));
  if (!logo) return;
  await tx.insert(accountLogos).values({
    accountId,
    sha256: logo.sha256,
    contentType: logo.type,
    bytes: logo.bytes,
    createdAt: at,
  });
}

export function createAccountStore(db: Db): AccountStore {
  const findOne = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select().from(accounts).where(where).limit(1);
    return row ? toAccount(row) : null;
  };
  return {
    async insert({ logo, ...account }) {
      await db.transaction(async (tx) => {
        await tx.insert(accounts).values({ ...account, logo: logo && metaOf(logo) });
        if (logo) await replaceLogo(tx, account.id, logo, account.createdAt);
      });
    },
    async findById(id) {
      const found = await findOne(eq(accounts.id, id));
      return found && withoutCredentials(found);
    },
    findCredentialsByClientId: (clientId) => findOne(eq(accounts.clientId, clientId)),
    findCredentialsById: (id) => findOne(eq(accounts.id, id)),
    async update(id, changes, at) {
      const { logo, ...fields } = changes;
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(accounts)
          .set({
            ...fields,
            ...(logo === undefined ? {} : { logo: logo && metaOf(logo) }),
            updatedAt: at,
          })
          .where(eq(accounts.id, id))
          .returning();
        if (updated && logo !== undefined) await replaceLogo(tx, id, logo, at);
        return updated;
      });
      return row ? withoutCredentials(toAccount(row)) : null;
    },
    async findLogo(id, sha256) {
      const [row] = await db
        .select({ contentType: accountLogos.contentType, bytes: accountLogos.bytes })
        .from(accountLogos)
        .where(and(eq(accountLogos.accountId, id), eq(accountLogos.sha256, sha256)))
        .limit(1);
      if (!row) return null;
      const type = v.parse(v.picklist(LOGO_TYPES), row.contentType);
      return { type, bytes: row.bytes };
    },
  };
}
