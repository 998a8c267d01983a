// Fit map fits any map: a 2,000-card map goes below the buttons' 25 %, where each cell shows how
// many cards it holds instead of cards too small to read, and zooming in brings the cards back.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, repo, useDriver } from './harness.mjs';

const ctx = useDriver('fit');

test('Fit map fits a 2,000-card map and shows each cell as a count', async () => {
  execFileSync(path.join(repo, 'target/debug/examples/generate_library'), [
    path.join(ctx.dir, 'library.jejak'),
    '2000',
  ]);
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await (await app.$(byTestId('zoom-fit'))).waitForClickable({ timeout: 30000 });
    await app.$(byTestId('zoom-fit')).click();
    const percent = async () => Number((await app.$(byTestId('zoom-level')).getText()).replace('%', ''));
    await eventually(async () => (await percent()) < 25, 'a zoom below 25 %');
    // The whole board is in the window, and the counts add up to every card.
    const fits = await app.execute(() => {
      const scroller = document.querySelector('.scroller');
      return (
        scroller.scrollWidth <= scroller.clientWidth + 1 && scroller.scrollHeight <= scroller.clientHeight + 1
      );
    });
    assert.ok(fits, 'the whole map in view');
    const total = await app.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="cell-count"]'), (c) =>
        Number(c.dataset.count),
      ).reduce((a, b) => a + b, 0),
    );
    assert.equal(total, 2000);
    assert.equal((await app.$$(byTestId('card'))).length, 0, 'no unreadable cards rendered');
    await app.saveScreenshot(path.join(artifacts, 'fit-2000.png'));

    await app.$(byTestId('zoom-in')).click();
    await eventually(async () => (await percent()) === 25, 'back to 25 %');
    await eventually(async () => (await app.$$(byTestId('card'))).length > 0, 'cards again');
  });
});
