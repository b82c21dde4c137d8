/**
 * Midtrans charge answers shaped like the documented examples (reference A.2, D.2), for an
 * order of our choosing. Values are the documented ones; `order_id` and amount follow the
 * test's charge.
 */
const common = (orderId: string, paymentType: string, grossAmount = '44000.00') => ({
  status_code: '201',
  transaction_id: 'be03df7d-2f97-4c8c-a53c-8959f1b67295',
  order_id: orderId,
  merchant_id: 'G812785002',
  gross_amount: grossAmount,
  currency: 'IDR',
  payment_type: paymentType,
  transaction_time: '2019-10-23 16:33:49',
  transaction_status: 'pending',
  fraud_status: 'accept',
});

export const midtransAnswers = {
  bca: (orderId: string) => ({
    ...common(orderId, 'bank_transfer'),
    status_message: 'Success, Bank Transfer transaction is created',
    va_numbers: [{ bank: 'bca', va_number: '812785002530231' }],
  }),
  bni: (orderId: string) => ({
    ...common(orderId, 'bank_transfer'),
    status_message: 'Success, Bank Transfer transaction is created',
    va_numbers: [{ bank: 'bni', va_number: '9888500212345678' }],
  }),
  bri: (orderId: string) => ({
    ...common(orderId, 'bank_transfer'),
    status_message: 'Success, Bank Transfer transaction is created',
    va_numbers: [{ bank: 'bri', va_number: '8578000000111111' }],
  }),
  cimb: (orderId: string) => ({
    ...common(orderId, 'bank_transfer'),
    status_message: 'Success, Bank Transfer transaction is created',
    va_numbers: [{ bank: 'cimb', va_number: '2810490150230740' }],
    expiry_time: '2019-10-24 16:33:49',
  }),
  permata: (orderId: string) => ({
    ...common(orderId, 'bank_transfer'),
    status_message: 'Success, PERMATA VA transaction is successful',
    permata_va_number: '850003072869607',
  }),
  mandiri: (orderId: string) => ({
    ...common(orderId, 'echannel'),
    status_message: 'OK, Mandiri Bill transaction is successful',
    bill_key: '778347787706',
    biller_code: '70012',
  }),
  qris: (orderId: string) => ({
    ...common(orderId, 'qris', '275000.00'),
    status_message: 'QRIS transaction is created',
    transaction_id: '0d8178e1-c6c7-4ab4-81a6-893be9d924ab',
    merchant_id: 'M099098',
    acquirer: 'gopay',
    actions: [
      {
        name: 'generate-qr-code',
        method: 'GET',
        url: 'https://api.midtrans.com/v2/qris/0d8178e1-c6c7-4ab4-81a6-893be9d924ab/qr-code',
      },
      {
        name: 'generate-qr-code-v2',
        method: 'GET',
        url: 'https://api.midtrans.com/v4/qris/A120250718094848HaVD2xS9VKID/qr-code',
      },
    ],
  }),
  gopay: (orderId: string) => ({
    ...common(orderId, 'gopay', '10000.00'),
    status_message: 'GO-PAY billing created',
    channel_response_code: '200',
    channel_response_message: 'Success',
    actions: [
      {
        name: 'generate-qr-code',
        method: 'GET',
        url: 'https://api.midtrans.com/v2/gopay/be03df7d-2f97-4c8c-a53c-8959f1b67295/qr-code',
      },
      {
        name: 'deeplink-redirect',
        method: 'GET',
        url: `gojek://gopay/merchanttransfer?tref=1509110800474199656LMVO&amount=10000&activity=GP:RR&callback_url=someapps://callback?order_id=${orderId}`,
      },
      {
        name: 'get-status',
        method: 'GET',
        url: 'https://api.midtrans.com/v2/be03df7d-2f97-4c8c-a53c-8959f1b67295/status',
      },
      {
        name: 'cancel',
        method: 'POST',
        url: 'https://api.midtrans.com/v2/be03df7d-2f97-4c8c-a53c-8959f1b67295/cancel',
        fields: [],
      },
    ],
  }),
  shopeepay: (orderId: string) => ({
    ...common(orderId, 'shopeepay', '25000.00'),
    status_message: 'ShopeePay transaction is created',
    channel_response_code: '0',
    channel_response_message: 'success',
    actions: [
      {
        name: 'deeplink-redirect',
        method: 'GET',
        url: 'https://wsa.uat.wallet.airpay.co.id/universal-link/wallet/pay?deep_and_deferred=1&token=dFhkbmR1bTBIamhW',
      },
    ],
  }),
  indomaret: (orderId: string) => {
    const { fraud_status: _absent, ...rest } = common(orderId, 'cstore', '162500.00');
    return {
      ...rest,
      status_message: 'Success, cstore transaction is successful',
      payment_code: '25709650945026',
      expiry_time: '2019-10-24 16:33:49',
    };
  },
  alfamart: (orderId: string) => ({
    ...common(orderId, 'cstore', '162500.00'),
    status_message: 'Success, cstore transaction is successful',
    payment_code: '010811223344',
    store: 'alfamart',
  }),
};
