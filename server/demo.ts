import { createAccount } from './domain/account/create-account.ts';
import { createPaymentLink } from './domain/payment-link/create-payment-link.ts';
import type { Deps } from './deps.ts';
import { paymentUrl } from './http/api-v1/present-link.ts';
import { sha256Hex } from './security/digest.ts';
import type { SettingsStore } from './store/settings-store.ts';

/**
 * On the very first start, a demo account and a demo link, printed once on the console: the
 * only time Paylink ever prints a secret (SPEC §9).
 */
export async function createDemoOnFirstStart(deps: Deps, settings: SettingsStore): Promise<void> {
  if (!(await settings.claim('demo_created_at', deps.clock().toISOString()))) return;
  const { account, credentials } = await createAccount(
    { ...deps, seal: deps.secretBox.seal, hashApiKey: sha256Hex },
    {
      name: 'Toko Demo Paylink',
      email: 'demo@paylink.invalid',
      phone: '081234567890',
      callbackUrl: null,
      inquiryCallbackUrl: null,
      displayName: null,
      logo: null,
      brandColor: null,
      supportEmail: null,
      supportPhone: null,
    },
  );
  const link = await createPaymentLink(deps, account.id, {
    reffNo: null,
    title: 'Demo order: kopi susu (2×) and roti bakar',
    description: 'A demo link created on first start. Pay it with the sandbox bank.',
    requiredCustomerDetail: true,
    maxUsage: 100,
    expiredAt: null,
    totalAmount: null,
    items: [
      { name: 'Kopi susu', quantity: 2, unitPrice: 18_000 },
      { name: 'Roti bakar', quantity: 1, unitPrice: 22_000 },
      { name: 'Diskon member', quantity: 1, unitPrice: -8_000 },
    ],
    whitelist: null,
    redirectUrl: null,
    callbackUrl: null,
    optionalMetadata: null,
    customer: null,
    displayName: null,
    dialect: 'v1',
  });
  if (!link.ok) throw new Error(`demo link could not be created: ${link.code}`);
  deps.log.revealOnce(
    'Paylink first start: a demo merchant was created. These secrets are shown only now (send api_key as X-PARTNER-ID).',
    {
      account_id: account.id,
      api_key: credentials.apiKey,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      webhook_secret: credentials.webhookSecret,
      demo_link: paymentUrl(deps.config.PUBLIC_BASE_URL, link.value),
    },
  );
}
