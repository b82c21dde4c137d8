import { Hono } from 'hono';
import type * as v from 'valibot';
import type { AccountChanges } from '../../domain/account/account.ts';
import { createAccount } from '../../domain/account/create-account.ts';
import { updateAccount } from '../../domain/account/update-account.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { constantTimeEqual, sha256Hex } from '../../security/digest.ts';
import { refuseNonPublicCallbackUrls } from '../callback-destinations.ts';
import { readJson, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';
import {
  type AccountAnswerSchema,
  AccountPatchSchema,
  type NewAccountAnswerSchema,
  NewAccountSchema,
  presentAccount,
} from './account-schemas.ts';

type Patch = v.InferOutput<typeof AccountPatchSchema>;

/** The PATCH body as store changes: a field left out is absent, so it stays as it is. */
function changesOf(patch: Patch): AccountChanges {
  const given = {
    name: patch.name,
    email: patch.email,
    phone: patch.phone,
    callbackUrl: patch.callback_url,
    inquiryCallbackUrl: patch.inquiry_callback_url,
    displayName: patch.display_name,
    logo: patch.logo,
    brandColor: patch.brand_color,
    supportEmail: patch.support_email,
    supportPhone: patch.support_phone,
  };
  return Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  ) as AccountChanges;
}

/** SPEC §9: `POST /api/admin/accounts` and `PATCH …/{account_id}`, only when ADMIN_TOKEN is set. */
export function adminRoutes(deps: Deps) {
  const routes = new Hono();
  const adminToken = deps.config.ADMIN_TOKEN;
  const baseUrl = deps.config.PUBLIC_BASE_URL;

  routes.use('*', async (c, next) => {
    if (!adminToken) return sendFailure(c, failure('ADMIN_DISABLED', 'Not found.'));
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!given || !constantTimeEqual(given, adminToken)) {
      return sendFailure(
        c,
        failure(
          'UNAUTHENTICATED',
          'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".',
        ),
      );
    }
    return next();
  });

  routes.post('/accounts', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const checked = validate(NewAccountSchema, body.value);
    if (!checked.ok) return sendFailure(c, checked);
    const input = checked.value;
    const refused = await refuseNonPublicCallbackUrls(deps.config, {
      callback_url: input.callback_url,
      inquiry_callback_url: input.inquiry_callback_url,
    });
    if (refused) return sendFailure(c, refused);
    const { account, credentials } = await createAccount(
      { ...deps, seal: deps.secretBox.seal, hashApiKey: sha256Hex },
      {
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        callbackUrl: input.callback_url ?? null,
        inquiryCallbackUrl: input.inquiry_callback_url ?? null,
        displayName: input.display_name ?? null,
        logo: input.logo ?? null,
        brandColor: input.brand_color ?? null,
        supportEmail: input.support_email ?? null,
        supportPhone: input.support_phone ?? null,
      },
    );
    deps.log.info('account created', { account_id: account.id });
    const answer: v.InferOutput<typeof NewAccountAnswerSchema> = {
      account: presentAccount(account, baseUrl),
      api_key: credentials.apiKey,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      webhook_secret: credentials.webhookSecret,
    };
    return sendData(c, answer, 201);
  });

  routes.patch('/accounts/:accountId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendFailure(c, body);
    const checked = validate(AccountPatchSchema, body.value);
    if (!checked.ok) return sendFailure(c, checked);
    const patch = checked.value;
    // SPEC §6 "Destinations": a changed callback URL is checked as a new one would be.
    const refused = await refuseNonPublicCallbackUrls(deps.config, {
      callback_url: patch.callback_url,
      inquiry_callback_url: patch.inquiry_callback_url,
    });
    if (refused) return sendFailure(c, refused);
    const updated = await updateAccount(deps, c.req.param('accountId'), changesOf(patch));
    if (!updated.ok) return sendFailure(c, updated);
    deps.log.info(
      `account ${updated.value.id} updated: ${Object.keys(changesOf(patch)).join(', ')}`,
    );
    const answer: v.InferOutput<typeof AccountAnswerSchema> = {
      account: presentAccount(updated.value, baseUrl),
    };
    return sendData(c, answer);
  });

  return routes;
}
