import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';

// The API reference is served by Paylink itself from its OpenAPI document: no script, no CDN.
test('the API reference shows both dialects from the OpenAPI document', async ({
  page,
  request,
}) => {
  const requested: string[] = [];
  page.on('request', (sent) => requested.push(sent.url()));
  const response = await page.goto('/docs/api');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paylink API reference');
  for (const section of [
    'v1.0 payment links',
    'v2.0 payment links',
    'v4 payment links',
    'Sandbox',
    'Admin',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  const create = page.locator('#post-api-v1-0-payment-link-manage-account_id');
  await expect(create.getByRole('table', { name: 'Body (application/json)' })).toContainText(
    'whitelisted_payment_method',
  );
  await expect(create).toContainText('REFF_NO_TAKEN');
  expect(await page.locator('script').count()).toBe(0);
  const own = new URL(page.url()).origin;
  expect(requested.filter((url) => !url.startsWith(own) && !url.startsWith('data:'))).toEqual([]);
  await expectNoAxeViolations(page, 'the API reference');

  // Every operation of the document has its section on the page.
  const document = await (await request.get('/api/openapi.json')).json();
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item as object));
  await expect(page.locator('section.operation')).toHaveCount(operations.length);
  await page.getByRole('link', { name: '/api/openapi.json', exact: true }).first().click();
  expect(JSON.parse(await page.locator('body').innerText()).openapi).toBe('3.1.0');
});
