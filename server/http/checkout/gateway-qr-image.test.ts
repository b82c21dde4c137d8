import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeImageServer,
  startFakeImageServer,
} from '../../../tests/support/fake-image-server.ts';
import { createGatewayQrImages } from './gateway-qr-image.ts';

let png: Buffer;
let gateway: FakeImageServer;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

beforeAll(async () => {
  png = await QRCode.toBuffer('00020101021226', { type: 'png' });
  gateway = await startFakeImageServer({
    '/qr.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    '/cached.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    '/slow-once.png': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(png), 100);
    },
    '/qr.jpg': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' }).end(JPEG),
    '/page.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
    '/not-png.png': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end('<svg onload=alert(1)>'),
    '/huge-declared.png': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'image/png', 'content-length': String(2 * 1024 * 1024) })
        .end(),
    '/huge-chunked.png': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(png);
      res.end(Buffer.alloc(600 * 1024));
    },
    '/never.png': () => {
      // Never answers: the gateway hangs.
    },
    '/broken.png': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('oops'),
    '/gone.png': (_req, res) => res.writeHead(410).end(),
  });
});
afterAll(() => gateway.close());

const images = (options = {}) => createGatewayQrImages({ timeoutMs: 300, ...options });

// SPEC §10: the server fetches a gateway's QR image; the browser only ever sees our origin.
describe('createGatewayQrImages', () => {
  it('answers a PNG’s bytes and type', async () => {
    const outcome = await images().load('PY1', `${gateway.origin}/qr.png`);
    expect(outcome).toEqual({
      ok: true,
      image: { bytes: new Uint8Array(png), contentType: 'image/png' },
    });
  });

  it('takes a JPEG too', async () => {
    const outcome = await images().load('PY1', `${gateway.origin}/qr.jpg`);
    expect(outcome.ok && outcome.image.contentType).toBe('image/jpeg');
  });

  it('keeps a fetched image per payment: the gateway is asked once', async () => {
    const cache = images();
    const url = `${gateway.origin}/cached.png`;
    await cache.load('PY2', url);
    const again = await cache.load('PY2', url);
    expect(again.ok).toBe(true);
    expect(gateway.hits('/cached.png')).toBe(1);
  });

  it('asks once for many customers loading the same payment’s image at the same time', async () => {
    const cache = images();
    const url = `${gateway.origin}/slow-once.png`;
    const outcomes = await Promise.all([1, 2, 3].map(() => cache.load('PY3', url)));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(gateway.hits('/slow-once.png')).toBe(1);
  });

  it.each([
    ['an HTML page', '/page.html'],
    ['bytes that are not the PNG they claim to be', '/not-png.png'],
    ['a declared size over 512 KiB', '/huge-declared.png'],
    ['a body that grows over 512 KiB', '/huge-chunked.png'],
    ['a 500', '/broken.png'],
  ])('is unavailable for %s', async (_case, path) => {
    expect(await images().load('PY4', `${gateway.origin}${path}`)).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('is unavailable when the gateway does not answer in time, and does not wait longer', async () => {
    const started = Date.now();
    const outcome = await images({ timeoutMs: 200 }).load('PY5', `${gateway.origin}/never.png`);
    expect(outcome).toEqual({ ok: false, reason: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is unavailable when nothing listens', async () => {
    expect(await images().load('PY6', 'http://127.0.0.1:9/qr.png')).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('does not keep a failure: the next load asks again', async () => {
    const cache = images();
    const url = `${gateway.origin}/broken.png`;
    const before = gateway.hits('/broken.png');
    await cache.load('PY7', url);
    await cache.load('PY7', url);
    expect(gateway.hits('/broken.png') - before).toBe(2);
  });

  it.each([
    ['the gateway has no such image', 'GONE'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['no URL at all', 'not a url'],
  ])('is missing when %s', async (_case, url) => {
    const target = url === 'GONE' ? `${gateway.origin}/gone.png` : url;
    expect(await images().load('PY8', target)).toEqual({ ok: false, reason: 'missing' });
  });
});
