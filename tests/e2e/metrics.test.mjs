// Metrics from a CSV on the real app: a link-shortener export is matched to touchpoints by URL
// (its "1,204" read once the user says how the file writes numbers),
// the figures show on the cards with heat shading; a malformed file is refused row by row and the
// map is unchanged.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  eventually,
  selectCard,
  useDriver,
  typeInto,
  choose,
  fromMore,
} from './harness.mjs';

const ctx = useDriver('metrics');

const good = path.join(ctx.dir, 'links.csv');
writeFileSync(
  good,
  'link,long_url,title,tags,clicks\n' +
    'https://jjk.id/a,https://shop.example.com/promo,Promo,promo,"1,204"\n' +
    'https://jjk.id/b,https://shop.example.com/app,App,app,301\n' +
    'https://jjk.id/c,https://elsewhere.example.com,Other,x,7\n',
);
const bad = path.join(ctx.dir, 'broken.csv');
writeFileSync(bad, 'link,long_url,clicks\nhttps://jjk.id/a,https://shop.example.com/promo,lots\nonly,two\n');

async function addCardWithUrl(app, index, title, url) {
  await app.$$(byTestId('add-card'))[index].click();
  await typeInto(app, await app.$(byTestId('card-title-input')), title);
  await app.keys('Enter');
  await selectCard(app, title);
  await typeInto(app, await app.$(byTestId('inspector-url')), url);
  await app.$(byTestId('inspector-owner')).click(); // leaving the link field saves it
  await eventually(
    async () => (await app.$$(`[aria-label="${title}"] [data-testid="card-markers"]`)).length === 1,
    'link saved',
  );
}

const figures = (app) =>
  app.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="card"]'), (c) => [
      c.getAttribute('aria-label'),
      c.querySelector('[data-testid="card-metrics"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    ]),
  );

test('a link-analytics CSV puts click counts on the matching touchpoints; a broken one changes nothing', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
    await addCardWithUrl(app, 0, 'Promo page', 'https://shop.example.com/promo/');
    await addCardWithUrl(app, 1, 'App download', 'http://shop.example.com/app');
    await app.keys('Escape');

    // A malformed file: every bad row is named, nothing is written.
    await fromMore(app, 'import-metrics');
    await app.$(byTestId('metrics-file')).setValue(bad);
    await eventually(async () => (await app.$$(byTestId('metrics-errors'))).length === 1, 'errors');
    const message = await app.$(byTestId('metrics-errors')).getText();
    assert.match(message, /Line 3: 2 fields where the header has 3\./);
    await app.saveScreenshot(path.join(artifacts, 'metrics-refused.png'));
    await app.keys('Escape');
    assert.deepEqual(
      (await figures(app)).map(([, f]) => f),
      ['', ''],
    );
    assert.equal(await app.$(byTestId('undo')).isEnabled(), true);

    // The good file.
    await fromMore(app, 'import-metrics');
    await app.$(byTestId('metrics-file')).setValue(good);
    await eventually(
      async () => (await app.$(byTestId('metrics-key')).getValue()) === 'long_url',
      'the key guessed',
    );
    // "1,204" is 1204 or 1.204 and nothing else in the file tells: Jejak asks instead of guessing.
    await app.$(byTestId('metrics-import')).click();
    await eventually(async () => (await app.$$(byTestId('metrics-errors'))).length === 1, 'the question');
    assert.match(
      await app.$(byTestId('metrics-errors')).getText(),
      /Line 2: “clicks” is “1,204”, which could be read two ways/,
    );
    const style = await app.$(byTestId('metrics-number-style'));
    await choose(app, style, 'dotDecimal');
    await app.$(byTestId('metrics-import')).click();
    const report = await app.$(byTestId('metrics-report'));
    await report.waitForDisplayed();
    assert.match(await report.getText(), /Updated 2 touchpoints from 2 rows/);
    assert.match(await report.getText(), /line 4: https:\/\/elsewhere\.example\.com/);
    await app.keys('Escape');
    await eventually(
      async () => JSON.stringify(await figures(app)).includes('1,204'),
      'figures on the cards',
    );
    assert.deepEqual(await figures(app), [
      ['Promo page', 'clicks 1,204'],
      ['App download', 'clicks 301'],
    ]);
    assert.equal(await app.$$('.card.heated').length, 2);
    await app.saveScreenshot(path.join(artifacts, 'metrics.png'));
  });

  // The shading chosen for this map is there after a restart.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await eventually(async () => (await app.$$('.card.heated')).length === 2, 'the shading remembered');

    // The import is one undo step.
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await figures(app)).every(([, f]) => f === ''), 'import undone');
  });
});
