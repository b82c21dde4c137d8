import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { sameOriginPosts } from './same-origin-posts.ts';

const PUBLIC_BASE_URL = 'https://pay.example.test';

// A write that passes the check answers 200; a refused one is the 403 envelope.
const app = new Hono();
app.use('*', sameOriginPosts(PUBLIC_BASE_URL));
app.all('*', (c) => c.text('done'));

async function post(url: string, headers: Record<string, string>, method = 'POST') {
  return (await app.request(url, { method, headers })).status;
}

describe('sameOriginPosts (CSRF, SPEC §9)', () => {
  it.each([
    ['the public origin', { origin: 'https://pay.example.test' }],
    [
      'the public origin, Sec-Fetch-Site same-origin',
      {
        origin: 'https://pay.example.test',
        'sec-fetch-site': 'same-origin',
      },
    ],
    ['a server-side client (neither header)', {}],
    ['a typed address (Sec-Fetch-Site none)', { 'sec-fetch-site': 'none' }],
  ])('lets a write from %s through', async (_, headers) => {
    expect(await post(`${PUBLIC_BASE_URL}/b2b/x/payments`, headers)).toBe(200);
  });

  // Finding: the request's own URL took its host from `Host`, so an attacker's page whose
  // request named its own host in `Host` matched itself.
  it.each([
    [
      'Host names the attacker and Origin matches it',
      'http://evil.example/b2b/x/payments',
      {
        host: 'evil.example',
        origin: 'http://evil.example',
      },
    ],
    [
      'Host names the attacker over https',
      'https://evil.example/b2b/x/payments',
      {
        host: 'evil.example',
        origin: 'https://evil.example',
      },
    ],
    [
      'the proxy speaks http to us while the page was https',
      'http://pay.example.test/b2b/x',
      {
        origin: 'http://pay.example.test',
      },
    ],
    ['another site', `${PUBLIC_BASE_URL}/b2b/x/payments`, { origin: 'https://evil.example' }],
    ['an opaque origin', `${PUBLIC_BASE_URL}/b2b/x/payments`, { origin: 'null' }],
    [
      'a cross-site browser without Origin',
      `${PUBLIC_BASE_URL}/b2b/x/payments`,
      {
        'sec-fetch-site': 'cross-site',
      },
    ],
    [
      'a same-site sibling',
      `${PUBLIC_BASE_URL}/b2b/x/payments`,
      {
        origin: 'https://shop.example.test',
        'sec-fetch-site': 'same-site',
      },
    ],
  ])('403 when %s', async (_, url, headers) => {
    expect(await post(url, headers)).toBe(403);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('checks %s as a write too', async (method) => {
    expect(await post(`${PUBLIC_BASE_URL}/x`, { origin: 'https://evil.example' }, method)).toBe(
      403,
    );
  });

  it('reads pass whatever their origin', async () => {
    expect(await post(`${PUBLIC_BASE_URL}/x`, { origin: 'https://evil.example' }, 'GET')).toBe(200);
  });
});
