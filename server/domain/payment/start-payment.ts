import type { AccountStore } from '../account/account.ts';
import { merchantNameOf } from '../account/merchant-identity.ts';
import {
  type EventContext,
  inquiryDeliveries,
  paymentStartedDeliveries,
} from '../delivery/payment-events.ts';
import {
  computeLinkStatus,
  type Customer,
  type PaymentLink,
} from '../payment-link/payment-link.ts';
import type { PaymentLinkStore } from '../payment-link/payment-link-store.ts';
import type { PaymentConnector } from '../connector/connector.ts';
import { type Catalog, offeredMethods, type PaymentMethod } from '../payment-method/catalog.ts';
import type { Clock, RandomBytes } from '../shared/clock.ts';
import { type FieldErrors, failure, type Result, success } from '../shared/result.ts';
import { customerOfPayment } from './bound-customer.ts';
import type { Payment } from './payment.ts';
import { newPaymentReference } from './payment-reference.ts';
import type { PaymentStore } from './payment-store.ts';

export type StartPaymentDeps = {
  clock: Clock;
  random: RandomBytes;
  catalog: Catalog;
  links: PaymentLinkStore;
  accounts: AccountStore;
  payments: PaymentStore;
  /** Where the instrument comes from (SPEC §10): the sandbox bank or a gateway. */
  connector: PaymentConnector;
  eventContext: (now: Date) => EventContext;
  /**
   * SPEC §9: at most MAX_PENDING_PER_LINK payments of one link pending at once (default 50);
   * starting one more cancels the oldest. A customer has one or two at a time; a flood of
   * anonymous starts would otherwise hold thousands of VA numbers and rows for a day each.
   */
  config: { MAX_PENDING_PER_LINK: number; PUBLIC_BASE_URL: string };
};

export type StartPaymentInput = { methodCode: string; customer: Customer | null };

/** SPEC §10: what the customer reads when the gateway fails; nothing was left payable. */
const GATEWAY_FAILED_MESSAGE =
  'This payment method could not be started just now. Try again or choose another method.';

/** Tries before giving up on finding an unused VA number (a clash is ~1 in 10^10 per try). */
const MAX_NUMBER_TRIES = 5;

/** SPEC §7: a customer starts paying an open link with one offered method. */
export async function startPayment(
  deps: StartPaymentDeps,
  link: PaymentLink,
  input: StartPaymentInput,
): Promise<Result<Payment>> {
  const now = deps.clock();
  const status = computeLinkStatus(link, now);
  if (status !== 'open') return failure('LINK_NOT_OPEN', `This payment link is ${status}.`);
  const method = offeredMethods(deps.catalog, link.whitelistedPaymentMethod, link.totalAmount).find(
    (offered) => offered.code === input.methodCode,
  );
  if (!method) {
    return failure(
      'METHOD_NOT_OFFERED',
      `"${input.methodCode}" is not offered for this payment link.`,
      {
        method: ['Choose one of the offered payment methods.'],
      },
    );
  }
  const customer = customerOfPayment(link, input.customer);
  if (!customer.ok) return customer;
  const missing = missingCustomerDetails(link, customer.value);
  if (missing) return missing;
  const account = await deps.accounts.findById(link.accountId);
  if (!account) throw new Error(`payment link ${link.id} has no account`);

  const expiresAt = paymentDeadline(method, link, now);
  const merchantName = merchantNameOf(link, account);
  for (let attempt = 0; attempt < MAX_NUMBER_TRIES; attempt++) {
    const reffNo = newPaymentReference(deps.random);
    const issued = await deps.connector.issue({
      reffNo,
      method,
      amount: link.totalAmount,
      now,
      expiresAt,
      merchantName,
      customer: customer.value,
      returnUrl: `${deps.config.PUBLIC_BASE_URL}/b2b/${link.publicId}/payments/${reffNo}`,
    });
    if (!issued.ok) {
      // An order the gateway may hold is ended there later: the customer never saw it, and
      // will try again under a new reference.
      if (issued.mayExist) await deps.payments.closeAtGateway(deps.connector.name, reffNo, now);
      return gatewayFailed(issued.reason);
    }
    const { instrument } = issued;
    const stored = await deps.payments.insertPending(
      {
        reffNo,
        linkId: link.id,
        accountId: link.accountId,
        methodCode: method.code,
        methodValue: instrument.value,
        qrString: instrument.qrString,
        connector: deps.connector.name,
        gatewayRef: instrument.gatewayRef,
        instrument: instrument.details,
        gatewayCheckedAt: null,
        amount: link.totalAmount,
        status: 'pending',
        // A link bound to its customer (v4, or v1.0 `customer`) pays as that customer.
        customer: customer.value,
        expiresAt,
        paidAt: null,
        settledAt: null,
        endedAt: null,
        createdAt: now,
        updatedAt: now,
      },
      {
        now,
        maxPending: deps.config.MAX_PENDING_PER_LINK,
        // SPEC §6: the optional inquiry event, and SPEC §7: the mail with the VA number or QR
        // page, written with the payment.
        followUps: (payment, current, owner) => {
          const subject = { payment, link: current, account: owner };
          const context = deps.eventContext(now);
          return [
            ...inquiryDeliveries(subject, context, 'payment_link.inquiry'),
            ...paymentStartedDeliveries(subject, context),
          ];
        },
      },
    );
    if (typeof stored !== 'string') return success(stored);
    // Not stored: the gateway's order must not stay payable.
    if (deps.connector.isRemote)
      await deps.payments.closeAtGateway(deps.connector.name, reffNo, now);
    if (stored === 'link_not_open')
      return failure('LINK_NOT_OPEN', 'This payment link is no longer open.');
    // A gateway gave a number a payment here still holds as pending: it reuses only numbers of
    // orders it has ended, so that payment's end has not reached us yet (the worker's status
    // checks will bring it). Asking again would likely meet the same; the customer retries.
    if (deps.connector.isRemote) return gatewayFailed('unavailable');
  }
  throw new Error(`no unused ${method.code} number after ${MAX_NUMBER_TRIES} tries`);
}

function gatewayFailed(reason: 'unavailable' | 'refused') {
  return failure(
    reason === 'unavailable' ? 'GATEWAY_UNAVAILABLE' : 'METHOD_UNAVAILABLE',
    GATEWAY_FAILED_MESSAGE,
    { method: [GATEWAY_FAILED_MESSAGE] },
  );
}

/** SPEC §2: the method's own expiry, but never past the link's. */
export function paymentDeadline(method: PaymentMethod, link: PaymentLink, now: Date): Date {
  const own = now.getTime() + method.expirySeconds * 1000;
  return new Date(link.expiredAt ? Math.min(own, link.expiredAt.getTime()) : own);
}

function missingCustomerDetails(link: PaymentLink, customer: Customer | null) {
  if (!link.requiredCustomerDetail) return null;
  const errors: FieldErrors = {};
  if (!customer?.name) errors['customer.name'] = ['Your name is required.'];
  if (!customer?.email) errors['customer.email'] = ['Your email address is required.'];
  if (!customer?.phone) errors['customer.phone'] = ['Your phone number is required.'];
  if (Object.keys(errors).length === 0) return null;
  return failure(
    'CUSTOMER_DETAILS_REQUIRED',
    'Name, email and phone are required to pay this link.',
    errors,
  );
}
