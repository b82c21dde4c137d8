import type { Deps } from '../deps.ts';
import type { Account } from '../domain/account/account.ts';
import { qrisInstructions, vaInstructions } from '../domain/payment-instructions/index.ts';
import { askedCustomerFields } from '../domain/payment/bound-customer.ts';
import { effectivePaymentStatus, type Payment } from '../domain/payment/payment.ts';
import {
  computeLinkStatus,
  type PaymentLink,
  returnUrlFor,
} from '../domain/payment-link/payment-link.ts';
import { METHOD_GROUPS, offeredMethods } from '../domain/payment-method/catalog.ts';
import { readQrisPayee } from '../domain/payment-method/qris/qris-reader.ts';
import { findVaBank, groupDigits } from '../domain/payment-method/va/va-banks.ts';
import { vaHolderName } from '../domain/payment-method/va/va-holder-name.ts';
import { isPublicId } from '../domain/shared/ids.ts';
import { toWibIso } from '../domain/shared/jakarta-time.ts';
import { toRupiahLabel } from '../domain/shared/money.ts';
import type {
  CheckoutReader,
  LinkPageView,
  LinkSummary,
  PaymentPageView,
  Receipt,
} from './checkout-types.ts';
import { merchantIdentityOf } from './merchant-identity-view.ts';
import { qrSvg } from './qr-svg.ts';
import { merchantReturnUrl } from './redirect-url.ts';

/** Builds what the pages render, from the stores; pages never open the database. */
export function createCheckoutReader(deps: Deps): CheckoutReader {
  const methodName = (code: string) => deps.catalog.find(code)?.name ?? code;
  const receiptOf = (payment: Payment): Receipt => ({
    paymentReffNo: payment.reffNo,
    methodName: methodName(payment.methodCode),
    amount: payment.amount,
    paidAt: toWibIso(payment.paidAt ?? payment.updatedAt),
  });
  // SPEC §3.5: success_redirect_url after paying, expired_redirect_url after expiry, each
  // falling back to redirect_url.
  const returnUrl = (
    link: PaymentLink,
    status: 'paid' | 'expired',
    paymentReffNo: string | null,
  ) => {
    const target = returnUrlFor(link, status);
    if (!target) return null;
    const params = { linkReffNo: link.reffNo, status, paymentReffNo };
    return { url: merchantReturnUrl(target, params), status };
  };

  const summaryOf = (link: PaymentLink, account: Account): LinkSummary => {
    const merchant = merchantIdentityOf(link, account);
    return {
      publicId: link.publicId,
      linkReffNo: link.reffNo,
      merchantName: merchant.name,
      merchant,
      title: link.title,
      description: link.description,
      items:
        link.items?.map((item) => ({
          name: item.name,
          quantity: item.quantity,
          unitPrice: item.unitPrice,
          subtotal: item.quantity * item.unitPrice,
          isDiscount: item.unitPrice < 0,
        })) ?? null,
      total: link.totalAmount,
      expiresAt: link.expiredAt ? toWibIso(link.expiredAt) : null,
      sandbox: deps.config.PAYMENT_PROVIDER === 'sandbox',
    };
  };

  const findLink = async (publicId: string) =>
    isPublicId(publicId) ? deps.links.findByPublicId(publicId) : null;
  const accountOf = (link: PaymentLink | null) =>
    link ? deps.accounts.findById(link.accountId) : null;

  return {
    async linkPage(publicId) {
      const link = await findLink(publicId);
      const account = await accountOf(link);
      if (!link || !account) return null;
      const summary = summaryOf(link, account);
      const status = computeLinkStatus(link, deps.clock());
      // A used-up single-use link shows its receipt rather than "closed", and still does once
      // its expired_at has passed: the customer paid, so "expired" would be wrong.
      const lastPaid =
        status !== 'open' && link.maxUsage === 1 && link.currentUsage >= 1
          ? (await deps.payments.listByLink(link.id, 20)).find(
              (p) => p.status === 'paid' || p.status === 'settled',
            )
          : undefined;
      const state = lastPaid ? 'paid' : status;
      const offered = offeredMethods(deps.catalog, link.whitelistedPaymentMethod, link.totalAmount);
      return {
        ...summary,
        state,
        requiresCustomer: link.requiredCustomerDetail,
        boundCustomer: link.customer,
        askedCustomerFields: askedCustomerFields(link),
        methodGroups: METHOD_GROUPS.map((group) => ({
          group,
          methods: offered
            .filter((method) => method.group === group)
            .map((method) => ({
              code: method.code,
              group,
              label: method.displayName,
              fullName: findVaBank(method.code)?.fullName ?? method.displayName,
            })),
        })).filter((entry) => entry.methods.length > 0),
        receipt: lastPaid ? receiptOf(lastPaid) : null,
        returnToMerchant:
          state === 'paid'
            ? returnUrl(link, 'paid', lastPaid?.reffNo ?? null)
            : state === 'expired'
              ? returnUrl(link, 'expired', null)
              : null,
      } satisfies LinkPageView;
    },

    async paymentPage(publicId, reffNo, lang) {
      const link = await findLink(publicId);
      const payment = link ? await deps.payments.findByReffNo(reffNo) : null;
      const account = payment && payment.linkId === link?.id ? await accountOf(link) : null;
      if (!link || !payment || !account) return null;
      const summary = summaryOf(link, account);
      const now = deps.clock();
      const status = effectivePaymentStatus(payment, now);
      const linkState = computeLinkStatus(link, now);
      const amountLabel = toRupiahLabel(payment.amount);
      const bank = findVaBank(payment.methodCode);
      const isPaid = status === 'paid' || status === 'settled';
      const isOver = status === 'expired' || (!isPaid && linkState === 'expired');
      return {
        ...summary,
        linkState,
        payment: {
          reffNo: payment.reffNo,
          methodCode: payment.methodCode,
          methodName: methodName(payment.methodCode),
          group: bank ? 'va' : 'qris',
          status,
          amount: payment.amount,
          expiresAt: toWibIso(payment.expiresAt),
          va: bank
            ? {
                number: payment.methodValue,
                grouped: groupDigits(payment.methodValue),
                bankName: bank.fullName,
                // The VA belongs to the merchant, not to one link: the account's names.
                holderName: vaHolderName(payment.methodCode, [
                  account.displayName ?? '',
                  account.name,
                ]),
              }
            : null,
          qr: payment.qrString
            ? {
                svg: await qrSvg(payment.qrString),
                pngUrl: `/b2b/${publicId}/payments/${payment.reffNo}/qr.png`,
                payload: payment.qrString,
                nmid: readQrisPayee(payment.qrString).nmid,
              }
            : null,
          instructions: bank
            ? vaInstructions(payment.methodCode, lang, {
                vaNumber: payment.methodValue,
                amountLabel,
              })
            : qrisInstructions(lang, { amountLabel, merchantName: summary.merchantName }),
        },
        receipt: isPaid ? receiptOf(payment) : null,
        returnToMerchant: isPaid
          ? returnUrl(link, 'paid', payment.reffNo)
          : isOver
            ? returnUrl(link, 'expired', null)
            : null,
      } satisfies PaymentPageView;
    },
  };
}
