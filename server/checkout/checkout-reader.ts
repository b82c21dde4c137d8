import type { Deps } from '../deps.ts';
import type { Account } from '../domain/account/account.ts';
import { askedCustomerFields } from '../domain/payment/bound-customer.ts';
import { effectivePaymentStatus, type Payment } from '../domain/payment/payment.ts';
import {
  computeLinkStatus,
  isUsedUp,
  type PaymentLink,
  returnUrlFor,
} from '../domain/payment-link/payment-link.ts';
import { METHOD_GROUPS, offeredMethods } from '../domain/payment-method/catalog.ts';
import { findVaBank } from '../domain/payment-method/va/va-banks.ts';
import { isPublicId } from '../domain/shared/ids.ts';
import { toWibIso } from '../domain/shared/jakarta-time.ts';
import type {
  CheckoutReader,
  ClosedReason,
  LinkPageView,
  LinkSummary,
  PaymentPageView,
  Receipt,
} from './checkout-types.ts';
import { merchantIdentityOf } from './merchant-identity-view.ts';
import { maskEmail } from './mask-email.ts';
import { channelView, groupOf } from './payment-channel-view.ts';
import type { ReturnStatus } from './redirect-url.ts';
import { wayBack } from './way-back.ts';

/** A closed link used up by its payments (SPEC §2), or closed by its merchant. */
function closedReasonOf(link: PaymentLink): ClosedReason {
  return isUsedUp(link) ? 'used_up' : 'merchant';
}

/** When a payment stopped being payable: its own deadline, or its link's expiry before that. */
function endOf(payment: Payment, link: PaymentLink): Date {
  const ends = [payment.endedAt ?? payment.expiresAt, link.expiredAt].filter(
    (at): at is Date => at !== null,
  );
  return new Date(Math.min(...ends.map((at) => at.getTime())));
}

/** Builds what the pages render, from the stores; pages never open the database. */
export function createCheckoutReader(deps: Deps): CheckoutReader {
  const methodName = (code: string) => deps.catalog.find(code)?.name ?? code;
  const receiptOf = (payment: Payment, link: PaymentLink): Receipt => {
    // The receipt mail goes where payment-events.ts sends it: the customer's, else the link's.
    const email = payment.customer?.email ?? link.customer?.email ?? null;
    return {
      paymentReffNo: payment.reffNo,
      methodName: methodName(payment.methodCode),
      amount: payment.amount,
      paidAt: toWibIso(payment.paidAt ?? payment.updatedAt),
      emailedTo: email ? maskEmail(email) : null,
    };
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

  // SPEC §3.5: success_redirect_url after paying, expired_redirect_url after expiry, each
  // falling back to redirect_url; a closed link has only redirect_url.
  const returnTargetOf = (link: PaymentLink, status: ReturnStatus) =>
    status === 'closed' ? link.redirectUrl : returnUrlFor(link, status);

  const findLink = async (publicId: string) =>
    isPublicId(publicId) ? deps.links.findByPublicId(publicId) : null;
  const accountOf = (link: PaymentLink | null) =>
    link ? deps.accounts.findById(link.accountId) : null;

  return {
    async linkPage(publicId, request = {}) {
      const link = await findLink(publicId);
      const account = await accountOf(link);
      if (!link || !account) return null;
      const summary = summaryOf(link, account);
      const now = deps.clock();
      const status = computeLinkStatus(link, now);
      // A used-up single-use link shows its receipt rather than "closed", and still does once
      // its expired_at has passed: the customer paid, so "expired" would be wrong.
      const lastPaid =
        status !== 'open' && link.maxUsage === 1 && link.currentUsage >= 1
          ? (await deps.payments.listByLink(link.id, 20)).find(
              (p) => p.status === 'paid' || p.status === 'settled',
            )
          : undefined;
      const state = lastPaid ? 'paid' : status;
      const back = (returnStatus: ReturnStatus, happenedAt: Date | null) =>
        wayBack({
          redirectUrl: returnTargetOf(link, returnStatus),
          linkReffNo: link.reffNo,
          status: returnStatus,
          paymentReffNo: lastPaid?.reffNo ?? null,
          happenedAt,
          isWatched: request.isWatched ?? false,
          now,
        });
      const offered = offeredMethods(deps.catalog, link.whitelistedPaymentMethod, link.totalAmount);
      return {
        ...summary,
        state,
        closedReason: state === 'closed' ? closedReasonOf(link) : null,
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
        receipt: lastPaid ? receiptOf(lastPaid, link) : null,
        returnToMerchant:
          state === 'open'
            ? null
            : state === 'paid'
              ? back('paid', lastPaid?.paidAt ?? null)
              : back(state, state === 'expired' ? link.expiredAt : null),
      } satisfies LinkPageView;
    },

    async paymentPage(publicId, reffNo, lang, request = {}) {
      const link = await findLink(publicId);
      const payment = link ? await deps.payments.findByReffNo(reffNo) : null;
      const account = payment && payment.linkId === link?.id ? await accountOf(link) : null;
      if (!link || !payment || !account) return null;
      const summary = summaryOf(link, account);
      const now = deps.clock();
      const status = effectivePaymentStatus(payment, now);
      const linkState = computeLinkStatus(link, now);
      const method = deps.catalog.find(payment.methodCode);
      const group = groupOf(payment, method?.group);
      const channel = await channelView({
        payment,
        group,
        methodLabel: method?.displayName ?? payment.methodCode,
        lang,
        publicId,
        merchantName: summary.merchantName,
        holderNames: [account.displayName ?? '', account.name],
      });
      const isPaid = status === 'paid' || status === 'settled';
      const isOver = status === 'expired' || (!isPaid && linkState === 'expired');
      return {
        ...summary,
        linkState,
        closedReason: linkState === 'closed' ? closedReasonOf(link) : null,
        payment: {
          reffNo: payment.reffNo,
          methodCode: payment.methodCode,
          methodName: methodName(payment.methodCode),
          group,
          status,
          amount: payment.amount,
          expiresAt: toWibIso(payment.expiresAt),
          ...channel,
        },
        receipt: isPaid ? receiptOf(payment, link) : null,
        returnToMerchant:
          isPaid || isOver
            ? wayBack({
                redirectUrl: returnTargetOf(link, isPaid ? 'paid' : 'expired'),
                linkReffNo: link.reffNo,
                status: isPaid ? 'paid' : 'expired',
                paymentReffNo: payment.reffNo,
                happenedAt: isPaid ? payment.paidAt : endOf(payment, link),
                isWatched: request.isWatched ?? false,
                now,
              })
            : null,
      } satisfies PaymentPageView;
    },
  };
}
