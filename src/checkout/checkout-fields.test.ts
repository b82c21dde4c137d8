import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS } from '../../server/domain/payment/bound-customer.ts';
import { checkCheckoutFields } from './checkout-fields.ts';

const valid = {
  customer_name: 'Budi Santoso',
  customer_email: 'budi@example.com',
  customer_phone: '0812 3456 7890',
  method: 'VA_BRI',
};

describe('checkCheckoutFields', () => {
  it('accepts a complete form', () => {
    expect(checkCheckoutFields(valid, CUSTOMER_FIELDS)).toEqual({});
  });

  it('asks only for a method when the link needs no customer details', () => {
    expect(checkCheckoutFields({}, [])).toEqual({ method: 'methodRequired' });
    expect(checkCheckoutFields({ method: 'QRIS' }, [])).toEqual({});
  });

  it('checks only the details it asks for: those the merchant did not give', () => {
    expect(checkCheckoutFields({ method: 'QRIS', customer_phone: '12' }, ['phone'])).toEqual({
      customer_phone: 'phoneInvalid',
    });
    expect(
      checkCheckoutFields({ method: 'QRIS', customer_phone: '0812 3456 7890' }, ['phone']),
    ).toEqual({});
  });

  it('names every missing detail', () => {
    expect(checkCheckoutFields({ customer_name: '  ' }, CUSTOMER_FIELDS)).toEqual({
      customer_name: 'nameRequired',
      customer_email: 'emailRequired',
      customer_phone: 'phoneRequired',
      method: 'methodRequired',
    });
  });

  it.each(['08123456789', '+6281234567890', '62 812-3456-7890', ' 0812 3456 7890 '])(
    'accepts the Indonesian mobile number %j',
    (phone) => {
      expect(checkCheckoutFields({ ...valid, customer_phone: phone }, CUSTOMER_FIELDS)).toEqual({});
    },
  );

  it.each(['0212345678', '+6512345678', '0812', '08abc45678', '+62 21 1234 5678'])(
    'refuses %j as a mobile number',
    (phone) => {
      expect(checkCheckoutFields({ ...valid, customer_phone: phone }, CUSTOMER_FIELDS)).toEqual({
        customer_phone: 'phoneInvalid',
      });
    },
  );

  it.each(['budi', 'budi@', 'budi@example', 'bu di@example.com'])(
    'refuses the email %j',
    (email) => {
      expect(checkCheckoutFields({ ...valid, customer_email: email }, CUSTOMER_FIELDS)).toEqual({
        customer_email: 'emailInvalid',
      });
    },
  );

  it('refuses a name longer than 255 characters', () => {
    expect(
      checkCheckoutFields({ ...valid, customer_name: 'a'.repeat(256) }, CUSTOMER_FIELDS),
    ).toEqual({
      customer_name: 'nameTooLong',
    });
    expect(
      checkCheckoutFields({ ...valid, customer_name: 'a'.repeat(255) }, CUSTOMER_FIELDS),
    ).toEqual({});
  });
});
