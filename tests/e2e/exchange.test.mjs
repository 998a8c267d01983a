// Other formats from the real app's export dialog: a web page that opens in a real browser with no
// request beyond itself, the touchpoints as CSV, and the board copied to the system clipboard as
// a table (HTML and tab-separated text, read back with xclip).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { artifacts, byTestId, eventually, texts, typeInto, useDriver } from './harness.mjs';

// Without an extension: the app adds the format's own.
const ctx = useDriver('exchange', {
  env: (dir) => ({ JEJAK_SAVE_MAP_FILE_PATH: path.join(dir, 'exported') }),
});
const exported = (ext) => path.join(ctx.dir, `exported.${ext}`);
const clipboard = (target) =>
  execFileSync('xclip', ['-selection', 'clipboard', '-o', '-t', target], {
    encoding: 'utf8',
    timeout: 10000,
  });

test('the export dialog writes a web page and a CSV, and copies the board as a table', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await typeInto(app, await app.$(byTestId('new-map-title')), 'Checkout journey');
    await app.$(byTestId('create-map')).click();
    for (const title of ['Pays by QRIS', '<b>Bold</b> & done']) {
      await app.$$(byTestId('add-card'))[0].waitForClickable();
      await app.$$(byTestId('add-card'))[0].click();
      await typeInto(app, await app.$(byTestId('card-title-input')), title);
      await app.keys('Enter');
      await eventually(async () => (await texts(app, byTestId('card-title'))).includes(title), title);
    }
    const stages = await texts(app, byTestId('stage-title'));

    await app.$(byTestId('export-pdf')).click();
    await app.$(byTestId('export-html')).waitForClickable();
    await app.saveScreenshot(path.join(artifacts, 'export-other-formats.png'));
    await app.$(byTestId('export-html')).click();
    await eventually(async () => existsSync(exported('html')), 'the web page');
    assert.match(await app.$(byTestId('toast')).getText(), /Web page saved: .*exported\.html/);

    await app.$(byTestId('export-csv')).click();
    await eventually(async () => existsSync(exported('csv')), 'the CSV');
    const csv = readFileSync(exported('csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFStage,Lane,Title,Text,'), csv.slice(0, 80));
    assert.ok(csv.includes('Pays by QRIS'));

    await app.$(byTestId('copy-table')).click();
    await eventually(
      async () => (await texts(app, byTestId('toast'))).some((t) => t.includes('clipboard as a table')),
      'the copied toast',
    );
    const html = clipboard('text/html');
    assert.ok(html.includes('<td>Pays by QRIS<br>&#60;b&#62;Bold&#60;/b&#62; &#38; done</td>'), html);
    assert.ok(!html.includes('<b>Bold'), 'card text stays text');
    const text = clipboard('UTF8_STRING');
    const [header, firstLane] = text.split('\n');
    assert.equal(header, ['Lane / Stage', ...stages].join('\t'));
    assert.ok(firstLane.includes('\t"Pays by QRIS'), `a cell with two cards is quoted: ${firstLane}`);
    if (stages.length === 0) assert.fail('the map has stages');
  });

  // The page opens in a real browser, offline, with everything the map holds.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(exported('html')).href);
    assert.deepEqual(requests, [pathToFileURL(exported('html')).href]);
    assert.equal(await page.textContent('h1'), 'Checkout journey');
    const cards = await page.locator('.card-title').allTextContents();
    assert.deepEqual(cards.sort(), ['<b>Bold</b> & done', 'Pays by QRIS']);
  } finally {
    await browser.close();
  }
});
