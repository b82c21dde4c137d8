import { describe, expect, it } from 'vitest';
import { parseMailbox } from './mailbox.ts';

describe('parseMailbox', () => {
  it.each([
    ['Paylink <no-reply@pay.example>', { name: 'Paylink', address: 'no-reply@pay.example' }],
    ['"Pay Link" <no-reply@pay.example>', { name: 'Pay Link', address: 'no-reply@pay.example' }],
    ['<no-reply@pay.example>', { name: '', address: 'no-reply@pay.example' }],
    ['no-reply@pay.example', { name: '', address: 'no-reply@pay.example' }],
    ['  Paylink   <a@b.example>  ', { name: 'Paylink', address: 'a@b.example' }],
  ])('%j', (text, mailbox) => {
    expect(parseMailbox(text)).toEqual(mailbox);
  });

  it.each(['Paylink', 'Paylink <>', 'a@b c@d', ''])('refuses %j', (text) => {
    expect(() => parseMailbox(text)).toThrow(RangeError);
  });
});
