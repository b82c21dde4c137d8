import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request being answered, with its body already read. */
export type Exchange = {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  body: string;
};

/** A handler for one route; `params` are the route pattern's groups, URL-decoded. */
export type Route = {
  method: 'GET' | 'POST';
  path: RegExp;
  handle: (exchange: Exchange, params: string[]) => Promise<void> | void;
};

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Runs the first route matching method and path; false when none does. */
export async function dispatch(routes: Route[], exchange: Exchange): Promise<boolean> {
  for (const route of routes) {
    const match = route.path.exec(exchange.url.pathname);
    if (route.method !== exchange.request.method || match === null) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part ?? ''));
    await route.handle(exchange, params);
    return true;
  }
  return false;
}

export function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** 303 See Other: after a form POST the browser GETs `location`. */
export function redirect(response: ServerResponse, location: string) {
  response.writeHead(303, { location });
  response.end();
}

/** Whether the request came from an HTML form rather than a JSON client. */
export function isFormPost(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/** Basic auth with the server key as username and an empty password (A.1). */
export function hasServerKey(request: IncomingMessage, serverKey: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (match === null) return false;
  return Buffer.from(match[1]!, 'base64').toString('utf8') === `${serverKey}:`;
}
