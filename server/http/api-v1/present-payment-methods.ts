import * as v from 'valibot';
import {
  type Catalog,
  METHOD_GROUPS,
  type MethodGroup,
} from '../../domain/payment-method/catalog.ts';
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

const GROUP_DESCRIPTIONS: Record<MethodGroup, (displayName: string) => string> = {
  qris: () => 'QR Code Indonesian Standard',
  va: (name) => `Virtual Account ${name}`,
  ewallet: (name) => `E-wallet ${name}`,
  cstore: (name) => `Payment code at ${name}`,
};

export function presentPaymentMethods(
  catalog: Catalog,
): v.InferOutput<typeof PaymentMethodListSchema> {
  return {
    payment_methods: catalog.all.map((method) => ({
      code: method.code,
      name: method.name,
      group: method.group,
      desc: GROUP_DESCRIPTIONS[method.group](method.displayName),
      min_amount: method.minAmount,
      max_amount: method.maxAmount,
      enabled: method.enabled,
    })),
    available_codes: catalog.all.filter((method) => method.enabled).map((method) => method.code),
  };
}
