import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkOk, expectInvalid, START } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

describe.each(testBackends())(
  'GET /api/v1.0/payment-link-manage/{account_id} (SPEC §3.4, %s)',
  (backend) => {
    let t: TestPaylink;
    beforeAll(async () => {
      t = await createTestPaylink({ backend });
    });
    afterAll(() => t.close());

    const list = (merchant: Merchant, query = '') =>
      callApi(t, merchant, 'GET', `${linksPath(merchant)}${query}`);
    const titles = (answer: { body: any }) => answer.body.data.map((link: any) => link.title);

    describe('order and pagination', () => {
      let merchant: Merchant;
      beforeAll(async () => {
        merchant = await createMerchant(t);
        for (let i = 1; i <= 27; i++) {
          await createLinkOk(t, merchant, { title: `Link ${i}` });
          t.clock.advance(1_000);
        }
        t.clock.set(START);
      });

      it('lists newest first, 25 per page by default', async () => {
        const answer = await list(merchant);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ status: 200, success: true });
        expect(titles(answer)).toEqual(Array.from({ length: 25 }, (_, i) => `Link ${27 - i}`));
        expect(answer.body.pagination).toEqual({
          total: 27,
          count: 25,
          per_page: 25,
          current_page: 1,
          total_pages: 2,
        });
      });

      it('serves later pages and an empty page past the end', async () => {
        const second = await list(merchant, '?page=2');
        expect(titles(second)).toEqual(['Link 2', 'Link 1']);
        expect(second.body.pagination).toEqual({
          total: 27,
          count: 2,
          per_page: 25,
          current_page: 2,
          total_pages: 2,
        });
        const beyond = await list(merchant, '?page=9&per_page=10');
        expect(beyond.body.data).toEqual([]);
        expect(beyond.body.pagination).toEqual({
          total: 27,
          count: 0,
          per_page: 10,
          current_page: 9,
          total_pages: 3,
        });
      });

      it('takes per_page up to 100', async () => {
        const page = await list(merchant, '?per_page=4&page=2');
        expect(titles(page)).toEqual(['Link 23', 'Link 22', 'Link 21', 'Link 20']);
        expect(page.body.pagination).toEqual({
          total: 27,
          count: 4,
          per_page: 4,
          current_page: 2,
          total_pages: 7,
        });
        const all = await list(merchant, '?per_page=100');
        expect(all.body.pagination).toEqual({
          total: 27,
          count: 27,
          per_page: 100,
          current_page: 1,
          total_pages: 1,
        });
      });

      it('lists each link as the link object', async () => {
        const [first] = (await list(merchant, '?per_page=1')).body.data;
        const shown = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${first.id}`);
        expect(first).toEqual(shown.body.data);
      });

      it.each([
        ['per_page', '0'],
        ['per_page', '101'],
        ['per_page', 'abc'],
        ['per_page', '-1'],
        ['per_page', '1.5'],
        ['per_page', ''],
        ['page', '0'],
        ['page', 'abc'],
        ['page', '-1'],
        ['page', '1e3'],
        ['status', 'OPEN'],
        ['status', 'paid'],
        ['search', 's'.repeat(101)],
        ['search', 'a%00b'],
      ])('refuses %s=%s, naming the parameter', async (name, value) => {
        expectInvalid(await list(merchant, `?${name}=${value}`), name);
      });

      it('reads a search that is not valid percent-encoded UTF-8 literally, not as a 500', async () => {
        const answer = await list(merchant, '?search=%ED%A0%80');
        expect(answer.status).toBe(200);
        expect(answer.body.pagination.total).toBe(0);
      });

      it('answers a huge page number with an empty page, not a 500', async () => {
        const answer = await list(merchant, '?page=999999999&per_page=100');
        expect(answer.status).toBe(200);
        expect(answer.body.data).toEqual([]);
      });
    });
  },
);
