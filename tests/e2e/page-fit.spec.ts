import { expect, test } from './support/fixtures.ts';
import { linesOf, sidewaysOverflow } from './support/layout.ts';
import { LONG_ORDER_TOTAL, createEveryState } from './support/states.ts';

// SPEC §7: nothing overflows at 320 px and up; no state scrolls sideways. Issue 12 (1, 8):
// VA numbers, amounts and references wrap or scale to fit, and never break inside.
for (const width of [320, 360]) {
  test.describe(`a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 740 }, screen: { width, height: 740 } });

    test('no state of the page scrolls sideways, in either language', async ({
      page,
      request,
      merchant,
    }) => {
      const states = await createEveryState(request, merchant);
      for (const [state, path] of Object.entries(states)) {
        for (const lang of ['id', 'en']) {
          await page.goto(`${path}?lang=${lang}`);
          expect.soft(await sidewaysOverflow(page), `${state} (${lang})`).toBe(0);
        }
      }
      // The folded order, opened, and the form shown again with its errors.
      await page.goto(`${states.link}?lang=id`);
      await page.getByText('5 item').click();
      await page.getByRole('button', { name: `Bayar ${LONG_ORDER_TOTAL}` }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await sidewaysOverflow(page), 'opened order with errors').toBe(0);
    });

    test('every bank tile holds its name, and the VA number fits on one line', async ({
      page,
      request,
      merchant,
    }) => {
      const states = await createEveryState(request, merchant);
      await page.goto(states.link);
      const overflowing = await page.getByRole('radio').evaluateAll((radios) =>
        radios
          .map((radio) => radio.nextElementSibling)
          .filter((tile) => tile && tile.scrollWidth > tile.clientWidth)
          .map((tile) => tile?.textContent?.trim()),
      );
      expect(overflowing, 'tiles whose content spills out').toEqual([]);

      for (const lang of ['id', 'en']) {
        await page.goto(`${states.va}?lang=${lang}`);
        const digits = (await page.locator('#va-number').innerText()).replace(/\s/g, '');
        const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
        // The number as shown, and inside every instruction step: never split.
        expect(await linesOf(page, digits), `${lang}: the VA number`).toEqual([1]);
        const inSteps = await linesOf(page, grouped);
        expect(inSteps.length, `${lang}: the VA number in the steps`).toBeGreaterThan(0);
        expect(inSteps, `${lang}: the VA number in the steps`).toEqual(inSteps.map(() => 1));
      }
    });

    test('amounts and references never break inside', async ({ page, request, merchant }) => {
      const states = await createEveryState(request, merchant);
      await page.goto(states.link);
      expect(await linesOf(page, '#INV-2026-0142'), 'the reference in the title').toEqual([1]);
      await page.getByText('5 item').click();
      for (const [state, path] of [
        ['link', states.link],
        ['VA', states.va],
        ['QRIS', states.qris],
      ] as const) {
        if (state !== 'link') await page.goto(path);
        // The amount due, the Pay button, the copyable amount, the steps, the QRIS frame.
        const lines = await linesOf(page, LONG_ORDER_TOTAL);
        expect(lines.length, `${state}: ${LONG_ORDER_TOTAL} shown`).toBeGreaterThan(1);
        expect(lines, `${state}: ${LONG_ORDER_TOTAL} never split`).toEqual(lines.map(() => 1));
      }
    });
  });
}
