import type { Locator, Page } from '@playwright/test';

/** How many pixels the page is wider than the screen: above 0, the customer scrolls sideways. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * The number of lines each shown occurrence of `text` takes as the page is laid out (1: a
 * line break does not split it), across element boundaries; hidden occurrences are skipped.
 */
export function linesOf(page: Page, text: string): Promise<number[]> {
  return page.evaluate((wanted) => {
    const nodes: { node: Text; start: number }[] = [];
    let all = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: all.length });
      all += node.textContent ?? '';
    }
    const at = (offset: number, isEnd: boolean) => {
      const found = nodes.findLast((entry) =>
        isEnd ? entry.start < offset : entry.start <= offset,
      );
      return found ? { node: found.node, offset: offset - found.start } : null;
    };
    const counts: number[] = [];
    for (let index = all.indexOf(wanted); index >= 0; index = all.indexOf(wanted, index + 1)) {
      const start = at(index, false);
      const end = at(index + wanted.length, true);
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const rects = [...range.getClientRects()]
        .filter((rect) => rect.width > 0 && rect.height > 0)
        .sort((a, b) => a.top - b.top);
      if (rects.length === 0) continue;
      let lines = 1;
      let lineBottom = rects[0]?.bottom ?? 0;
      for (const rect of rects) {
        if (rect.top >= lineBottom - 2) lines += 1;
        lineBottom = Math.max(lineBottom, rect.bottom);
      }
      counts.push(lines);
    }
    return counts;
  }, text);
}

/** Whether the element lies wholly inside the first screen (the viewport as the page opens). */
export async function isOnFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = locator.page().viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}
