import { describe, expect, it } from 'vitest';
import { type Answer, createConformance } from '../../../tests/support/openapi-conformance.ts';

// The check every in-process answer goes through (tests/support/conformance-setup.ts): it
// must catch an answer the document does not describe, or it proves nothing.
const conformance = createConformance();

function answer(method: string, path: string, status: number, body: unknown): Answer {
  const isJson = typeof body !== 'string';
  return {
    method,
    path,
    status,
    contentType: isJson ? 'application/json' : 'text/plain',
    body: isJson ? JSON.stringify(body) : body,
    headers: new Headers(),
  };
}

const ACCOUNT = '/api/v1.0/payment-link-manage/01KEZSGYW08ZXFVWD958F9J9NM';
const notFound = {
  status: 404,
  success: false,
  error: { code: 404, message: 'Payment Link not found.', reason: 'LINK_NOT_FOUND' },
};

describe('the OpenAPI conformance check', () => {
  it('passes a documented failure', () => {
    expect(conformance.problemOf(answer('GET', `${ACCOUNT}/7`, 404, notFound))).toBeNull();
  });

  it('catches a reason the operation does not document', () => {
    const body = { ...notFound, error: { ...notFound.error, reason: 'PAYMENT_NOT_FOUND' } };
    expect(conformance.problemOf(answer('GET', `${ACCOUNT}/7`, 404, body))).toMatch(/reason/);
  });

  it('catches a field the schema does not have, and a missing one', () => {
    const extra = { ...notFound, debug: 'stack' };
    expect(conformance.problemOf(answer('GET', `${ACCOUNT}/7`, 404, extra))).toMatch(
      /additional properties/,
    );
    const { error: _error, ...missing } = notFound;
    expect(conformance.problemOf(answer('GET', `${ACCOUNT}/7`, 404, missing))).toMatch(
      /required property 'error'/,
    );
  });

  it('catches a status the operation does not document', () => {
    expect(conformance.problemOf(answer('DELETE', `${ACCOUNT}/7`, 201, notFound))).toMatch(
      /status not documented/,
    );
  });

  it('catches a success on a route the document does not have', () => {
    expect(conformance.problemOf(answer('GET', '/api/v1.0/secret', 200, {}))).toMatch(
      /not in the document/,
    );
    expect(conformance.problemOf(answer('GET', '/api/v1.0/secret', 404, notFound))).toBeNull();
  });

  it('catches another media type than the documented one', () => {
    expect(conformance.problemOf(answer('GET', `${ACCOUNT}/7`, 404, 'Not Found'))).toMatch(
      /text\/plain/,
    );
  });
});
