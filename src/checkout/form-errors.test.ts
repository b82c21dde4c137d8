import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS } from '../../server/domain/payment/bound-customer.ts';
import { formProblems } from './form-errors.ts';

const fields = {
  method: 'VA_BRI',
  customer_name: 'Budi',
  customer_email: 'budi@example.com',
  customer_phone: '081234567890',
};

describe('formProblems', () => {
  it('words the server’s missing details by field', () => {
    const state = {
      code: 'CUSTOMER_DETAILS_REQUIRED',
      message: 'Name, email and phone are required to pay this link.',
      errors: { 'customer.email': ['Your email address is required.'] },
      fields: { ...fields, customer_email: '' },
    };
    expect(formProblems(state, CUSTOMER_FIELDS)).toEqual({
      errors: { customer_email: 'emailRequired' },
      isFormFailure: false,
    });
  });

  it('says a method that is not offered, rather than a missing one', () => {
    const state = {
      code: 'METHOD_NOT_OFFERED',
      message: '"VA_XYZ" is not offered for this payment link.',
      errors: { method: ['Choose one of the offered payment methods.'] },
      fields: { ...fields, method: 'VA_XYZ' },
    };
    expect(formProblems(state, CUSTOMER_FIELDS).errors).toEqual({ method: 'methodNotOffered' });
  });

  it.each(['GATEWAY_UNAVAILABLE', 'METHOD_UNAVAILABLE'])(
    'says %s as a method that could not be started, to retry or change',
    (code) => {
      const state = {
        code,
        message: 'This payment method could not be started just now.',
        errors: { method: ['This payment method could not be started just now.'] },
        fields,
      };
      expect(formProblems(state, CUSTOMER_FIELDS)).toEqual({
        errors: { method: 'methodUnavailable' },
        isFormFailure: false,
      });
    },
  );

  it('adds what the same rules find that the server did not reach yet', () => {
    const state = {
      code: 'VALIDATION_FAILED',
      message: 'The given data was invalid.',
      errors: { method: ['Choose a payment method.'] },
      fields: { customer_name: '', customer_email: 'x', customer_phone: '' },
    };
    expect(formProblems(state, CUSTOMER_FIELDS).errors).toEqual({
      method: 'methodRequired',
      customer_name: 'nameRequired',
      customer_email: 'emailInvalid',
      customer_phone: 'phoneRequired',
    });
  });

  it('falls back to the field’s own wording when the rules see nothing wrong', () => {
    const state = {
      code: 'VALIDATION_FAILED',
      message: 'The given data was invalid.',
      errors: { 'customer.phone': ['Must be an Indonesian mobile number (08… or +628…).'] },
      fields,
    };
    expect(formProblems(state, CUSTOMER_FIELDS).errors).toEqual({ customer_phone: 'phoneInvalid' });
  });

  it('is a form failure when the server names a detail the form does not ask for', () => {
    const state = {
      code: 'CUSTOMER_BOUND',
      message: 'This payment link is for a particular customer.',
      errors: { 'customer.email': ['The email cannot be changed.'] },
      fields: { method: 'QRIS', customer_email: 'other@example.com', customer_phone: '' },
    };
    expect(formProblems(state, ['phone'])).toEqual({
      errors: { customer_phone: 'phoneRequired' },
      isFormFailure: false,
    });
    expect(
      formProblems({ ...state, fields: { ...state.fields, customer_phone: '081234567890' } }, [
        'phone',
      ]),
    ).toEqual({
      errors: {},
      isFormFailure: true,
    });
  });

  it('is a form failure when no field is to blame', () => {
    const state = { code: 'LINK_NOT_OPEN', message: 'closed', errors: {}, fields };
    expect(formProblems(state, CUSTOMER_FIELDS)).toEqual({ errors: {}, isFormFailure: true });
  });
});
