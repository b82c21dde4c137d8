import * as v from 'valibot';
import { type Catalog, METHOD_GROUPS } from '../../domain/payment-method/catalog.ts';
import { WholeNumber } from '../envelope-schemas.ts';

/** `GET …/payment-methods`: the catalog with its limits, and the codes on offer now. */
export const PaymentMethodListSchema = v.pipe(
  v.strictObject({
    payment_methods: v.array(
      v.strictObject({
        code: v.string(),
        name: v.string(),
        group: v.picklist(METHOD_GROUPS),
        desc: v.string(),
        min_amount: WholeNumber,
        max_amount: WholeNumber,
        enabled: v.boolean(),
      }),
    ),
    available_codes: v.array(v.string()),
  }),
  v.title('PaymentMethodList'),
);

export function presentPaymentMethods(
  catalog: Catalog,
): v.InferOutput<typeof PaymentMethodListSchema> {
  return {
    payment_methods: catalog.all.map((method) => ({
      code: method.code,
      name: method.name,
      group: method.group,
      desc:
        method.group === 'va'
          ? `Virtual Account ${method.displayName}`
          : 'QR Code Indonesian Standard',
      min_amount: method.minAmount,
      max_amount: method.maxAmount,
      enabled: method.enabled,
    })),
    available_codes: catalog.all.filter((method) => method.enabled).map((method) => method.code),
  };
}
