import { describe, expect, it } from 'vitest';
import { midtransCustomerDetails } from './customer-details.ts';

describe('midtransCustomerDetails', () => {
  it('sends name, email and phone in Midtrans field names', () => {
    expect(
      midtransCustomerDetails({
        name: 'Budi Santoso',
        email: 'budi@example.com',
        phone: '0812-3456-7890',
      }),
    ).toEqual({ first_name: 'Budi Santoso', email: 'budi@example.com', phone: '+6281234567890' });
  });

  it('cuts the name to the 30 characters BCA allows', () => {
    const details = midtransCustomerDetails({
      name: 'Raden Mas Bagus Hadikusumo Wirjosandjojo',
      email: null,
      phone: null,
    });
    expect(details).toEqual({ first_name: 'Raden Mas Bagus Hadikusumo Wir' });
  });

  it('leaves out what is unknown or would be refused', () => {
    expect(midtransCustomerDetails(null)).toEqual({});
    expect(midtransCustomerDetails({ name: '  ', email: 'a b@c.d', phone: '12345' })).toEqual({});
  });
});
