import QRCode from 'qrcode';
import { handleCharge, type ChargeRouteDeps } from './charge-route.ts';
import {
  changedAnswer,
  errorAnswer,
  NOT_FOUND,
  NOT_MODIFIABLE,
  SERVER_ERROR,
  statusAnswer,
  type JsonAnswer,
} from './core-answers.ts';
import { hasServerKey, sendJson, type Exchange, type Route } from './http-exchange.ts';

const ID = '([^/]+)';

function send(exchange: Exchange, answer: JsonAnswer) {
  sendJson(exchange.response, answer.httpStatus, answer.body);
}

/** Every Core API call needs the server key (A.1); the 401 body is the one clients see (D.1). */
function authorized(deps: ChargeRouteDeps, handle: Route['handle']): Route['handle'] {
  return (exchange, params) => {
    if (hasServerKey(exchange.request, deps.options.serverKey)) return handle(exchange, params);
    send(exchange, errorAnswer(401, '401', 'Unknown Merchant server_key/id'));
  };
}

async function sendQrCode(deps: ChargeRouteDeps, exchange: Exchange, id: string, border: boolean) {
  const order = deps.core.find(id);
  const instrument = order?.instrument;
  if (instrument?.paymentType !== 'qris' && instrument?.paymentType !== 'gopay') {
    return send(exchange, NOT_FOUND());
  }
  // `generate-qr-code` is a PNG without border; `-v2` has one (A.2 qris).
  const png = await QRCode.toBuffer(instrument.qrString, { type: 'png', margin: border ? 4 : 0 });
  exchange.response.writeHead(200, { 'content-type': 'image/png' });
  exchange.response.end(png);
}

/** The four documented Core API endpoints plus the QR images that charges link to. */
export function coreApiRoutes(deps: ChargeRouteDeps): Route[] {
  const { core } = deps;
  const change = (event: 'cancel' | 'expire') =>
    authorized(deps, (exchange, [id]) => {
      const fault = core.takeCloseFault();
      if (fault === 'timeout') return deps.held.hold(exchange.response);
      if (fault === 'http500') return send(exchange, SERVER_ERROR());
      const result = core.change(id!, event);
      if (result.ok) return send(exchange, changedAnswer(result.order, deps.context()));
      send(exchange, result.code === 'NOT_FOUND' ? NOT_FOUND() : NOT_MODIFIABLE());
    });
  return [
    {
      method: 'POST',
      path: /^\/v2\/charge$/,
      handle: authorized(deps, (exchange) => handleCharge(deps, exchange)),
    },
    {
      method: 'GET',
      path: new RegExp(`^/v2/(qris|gopay)/${ID}/qr-code$`),
      handle: (exchange, [, id]) => sendQrCode(deps, exchange, id!, false),
    },
    {
      method: 'GET',
      path: new RegExp(`^/v4/qris/${ID}/qr-code$`),
      handle: (exchange, [id]) => sendQrCode(deps, exchange, id!, true),
    },
    {
      method: 'GET',
      path: new RegExp(`^/v2/${ID}/status$`),
      handle: authorized(deps, (exchange, [id]) => {
        const fault = core.takeStatusFault();
        if (fault === 'timeout') return deps.held.hold(exchange.response);
        if (fault === 'http500') {
          return send(exchange, SERVER_ERROR());
        }
        const order = core.find(id!);
        send(exchange, order === undefined ? NOT_FOUND() : statusAnswer(order, deps.context()));
      }),
    },
    { method: 'POST', path: new RegExp(`^/v2/${ID}/cancel$`), handle: change('cancel') },
    { method: 'POST', path: new RegExp(`^/v2/${ID}/expire$`), handle: change('expire') },
  ];
}
