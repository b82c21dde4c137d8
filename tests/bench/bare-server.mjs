// The ceiling Paylink is compared with: a bare Hono + @hono/node-server process that answers
// each captured route with the very bytes, status and headers Paylink answered. It does no
// work but routing and writing, so Paylink ÷ bare is the share of the HTTP stack's speed that
// Paylink keeps. Usage: node bare-server.mjs <routes.json> <port>; prints "listening" when up.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';

const routes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const port = Number(process.argv[3]);

const app = new Hono();
for (const route of routes) {
  const body = Buffer.from(route.body, 'base64');
  app.get(route.path, (c) => c.body(body, route.status, route.headers));
}

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log('listening'));
