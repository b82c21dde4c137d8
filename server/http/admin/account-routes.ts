import { Hono } from 'hono';
import * as v from 'valibot';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../domain/account/account.ts';
import { createAccount } from '../../domain/account/create-account.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { constantTimeEqual, sha256Hex } from '../../security/digest.ts';
import { refuseNonPublicCallbackUrls } from '../callback-destinations.ts';
import { EmailSchema, requiredText, WebhookUrlSchema } from '../api-v1/field-schemas.ts';
import { NullableText } from '../envelope-schemas.ts';
import { readJson, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';

export const NewAccountSchema = v.object({
  name: requiredText(255),
  email: v.nullish(EmailSchema),
  phone: v.nullish(
    v.pipe(
      v.string('Must be a string.'),
      v.trim(),
      v.regex(/^\+?[0-9][0-9 -]{5,19}$/, 'Must be a phone number.'),
    ),
  ),
  callback_url: WebhookUrlSchema,
  inquiry_callback_url: WebhookUrlSchema,
});

const AccountSchema = v.pipe(
  v.strictObject({
    id: v.string(),
    name: v.string(),
    email: NullableText,
    phone: NullableText,
    status: v.picklist(ACCOUNT_STATUSES),
    callback_url: NullableText,
    inquiry_callback_url: NullableText,
  }),
  v.title('Account'),
);

/** The new account and its secrets: shown this once, stored only hashed or sealed (SPEC §9). */
export const NewAccountAnswerSchema = v.pipe(
  v.strictObject({
    account: AccountSchema,
    api_key: v.string(),
    client_id: v.string(),
    client_secret: v.string(),
    webhook_secret: v.pipe(v.string(), v.startsWith('whsec_')),
  }),
  v.title('NewAccount'),
);

/** Account and its credentials as shown once at creation (SPEC §9). */
export function presentAccount(account: {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: AccountStatus;
  callbackUrl: string | null;
  inquiryCallbackUrl: string | null;
}): v.InferOutput<typeof AccountSchema> {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    phone: account.phone,
    status: account.status,
    callback_url: account.callbackUrl,
    inquiry_callback_url: account.inquiryCallbackUrl,
  };
}

/** SPEC §9: `POST /api/admin/accounts`, only when ADMIN_TOKEN is set. */
export function adminRoutes(deps: Deps) {
  const routes = new Hono();
  const adminToken = deps.config.ADMIN_TOKEN;

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
      },
    );
    deps.log.info('account created', { account_id: account.id });
    const answer: v.InferOutput<typeof NewAccountAnswerSchema> = {
      account: presentAccount(account),
      api_key: credentials.apiKey,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      webhook_secret: credentials.webhookSecret,
    };
    return sendData(c, answer, 201);
  });

  return routes;
}
