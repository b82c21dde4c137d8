import { describe, expect, it } from 'vitest';
import type { InstrumentDetails } from '../connector/connector.ts';
import { aLink, anAccount, aPayment } from '../callback/callback-fixtures.test-support.ts';
import type { Mail } from '../mail/index.ts';
import type { Payment } from '../payment/payment.ts';
import { type EventContext, paymentStartedDeliveries } from './payment-events.ts';

const context: EventContext = {
  baseUrl: 'https://pay.example.id',
  now: new Date('2025-11-10T02:40:37Z'),
  newMessageId: () => 'msg_1',
  methodName: (code) => code,
};

function mailOf(over: Partial<Payment>): Mail {
  const payment = aPayment({ status: 'pending', ...over });
  const [delivery] = paymentStartedDeliveries(
    { payment, link: aLink(), account: anAccount() },
    context,
  );
  if (!delivery) throw new Error('no mail');
  return JSON.parse(delivery.payload) as Mail;
}

const bill: InstrumentDetails = { kind: 'bill', billerCode: '70012' };

// SPEC §7, §10: the "payment started" mail says what to pay to, whichever channel.
describe('paymentStartedDeliveries', () => {
  it('a store payment: its code and its store', () => {
    const mail = mailOf({
      methodCode: 'INDOMARET',
      methodValue: '25709650945026',
      instrument: { kind: 'store', store: 'indomaret' },
    });
    expect(mail.text).toContain('Kode pembayaran: 25709650945026');
    expect(mail.text).toContain('kasir Indomaret');
  });

  it('an e-wallet payment: the app named on the button to the payment page', () => {
    const mail = mailOf({
      methodCode: 'SHOPEEPAY',
      instrument: { kind: 'ewallet', deeplinkUrl: 'https://wallet.example/pay', qrImageUrl: null },
    });
    expect(mail.text).toContain('Bayar dengan ShopeePay:\nhttps://pay.example.id/b2b/');
    expect(mail.text).not.toContain('wallet.example');
  });

  it('a Mandiri bill: the company code and the grouped bill key', () => {
    const mail = mailOf({
      methodCode: 'VA_MANDIRI',
      methodValue: '778347787706',
      instrument: bill,
    });
    expect(mail.text).toContain('Kode perusahaan: 70012');
    expect(mail.text).toContain('Nomor tagihan: 7783 4778 7706');
  });

  it('a plain VA and QRIS are as before', () => {
    expect(mailOf({}).text).toContain('Nomor Virtual Account: 8888 8012 3456 7890');
    const qris = mailOf({ methodCode: 'QRIS', qrString: '000201', instrument: null });
    expect(qris.text).toContain('Buka kode QRIS:');
    const image = mailOf({
      methodCode: 'QRIS',
      instrument: { kind: 'qr-image', qrImageUrl: 'https://gw.example/qr.png' },
    });
    expect(image.text).toContain('Buka kode QRIS:');
  });
});
