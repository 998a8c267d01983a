// The standalone HTML page in a real browser (Debian's Chromium through playwright-core): it loads
// with no request beyond its own file, user text stays text, the search box finds cards and
// counts them in the page's language, and printing keeps the map and drops the search box.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { artifacts, repo } from './harness.mjs';

const HOSTILE = `<img src=x onerror="window.__pwned=1">"'></script><script>window.__pwned=2</script>`;
const cli = path.join(repo, 'target/debug/jejak-cli');
const dir = mkdtempSync(path.join(tmpdir(), 'jejak-html-'));
let browser;

/** The sample map with a hostile card title and link, exported as a page in `lang`. */
let lib;
function exportPage(lang) {
  const page = path.join(dir, `map-${lang}.html`);
  if (!lib) {
    lib = path.join(dir, 'library.jejak');
    const json = path.join(dir, 'map.json');
    execFileSync(path.join(repo, 'target/debug/examples/sample_library'), [lib]);
    execFileSync(cli, ['--library', lib, 'export', '--map', 'Savings account onboarding', '-o', json]);
    const map = JSON.parse(readFileSync(json, 'utf8'));
    map.cards[0].title = HOSTILE;
    map.cards[0].attrs.url = 'javascript:window.__pwned=3';
    writeFileSync(json, JSON.stringify(map));
    execFileSync(cli, ['--library', lib, 'import', '--replace', json]);
  }
  execFileSync(cli, [
    '--library',
    lib,
    'export',
    '--map',
    'Savings account onboarding',
    '--lang',
    lang,
    '-o',
    page,
  ]);
  return page;
}

async function open(file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, dialogs, context };
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
after(async () => browser?.close());

test('the page opens offline with no request beyond itself, and user text stays text', async () => {
  const file = exportPage('en');
  const { page, requests, dialogs, context } = await open(file);
  assert.deepEqual(requests, [pathToFileURL(file).href], 'requests made by the page');
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no user text ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.locator('.card-title').first().textContent(), HOSTILE);
  // Every card of the map is on the page, and shows.
  const map = JSON.parse(readFileSync(path.join(dir, 'map.json'), 'utf8'));
  const shown = await page.locator('.card-title').allTextContents();
  assert.deepEqual(shown.sort(), map.cards.map((c) => c.title).sort());
  for (const title of await page.locator('.card-title').all()) {
    await title.scrollIntoViewIfNeeded();
    assert.ok(await title.isVisible(), `${await title.textContent()} is visible`);
  }
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('.board .stage-head').count(), 5);
  assert.equal(await page.locator('.curve polyline').count(), 2, 'Rina as-is and to-be');
  assert.ok((await page.locator('.overview tbody tr').count()) >= 3);
  // A row of the overview jumps to its card on the board.
  await page.locator('.overview a').first().click();
  const target = await page.evaluate(
    () => document.querySelector(':target')?.querySelector('.card-title')?.textContent,
  );
  assert.equal(target, await page.locator('.overview a').first().textContent());
  await page.screenshot({ path: path.join(artifacts, 'html-export.png'), fullPage: true });
  await context.close();
});

test('the search box finds cards and counts them in the page language', async () => {
  const { page, context } = await open(exportPage('en'));
  const status = page.locator('#search-status');
  await page.fill('#search', 'salary');
  assert.equal(await status.textContent(), '1 card matches');
  assert.equal(await page.locator('.card.hit').count(), 1);
  const all = await page.locator('.card').count();
  assert.equal(await page.locator('.card.miss').count(), all - 1);
  await page.fill('#search', 'mobile app');
  const hits = await page.locator('.card.hit').count();
  assert.ok(hits >= 2, `cards with both words: ${hits}`);
  assert.equal(await status.textContent(), `${hits} cards match`);
  await page.press('#search', 'Enter');
  assert.equal(await page.locator('.card.current').count(), 1);
  await page.fill('#search', 'zzzz');
  assert.equal(await status.textContent(), 'No card matches');
  await page.click('#search-clear');
  assert.equal(await page.locator('.card.miss').count(), 0);
  assert.equal(await status.textContent(), '');
  await context.close();

  const id = await open(exportPage('id'));
  assert.equal(await id.page.getAttribute('html', 'lang'), 'id');
  await id.page.fill('#search', 'mobile app');
  assert.match(await id.page.locator('#search-status').textContent(), /^\d+ kartu cocok$/);
  assert.ok((await id.page.textContent('.facts')).includes('tahap'));
  await id.context.close();
});

test('printing keeps the map, the personas and the overview and leaves out the search box', async () => {
  const { page, context } = await open(exportPage('en'));
  const pdf = path.join(dir, 'printed.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await context.close();
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+119[01]\.\d+ x 841\.\d+ pts \(A3\)/, 'A3 landscape from the print CSS');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of [
    'Savings account onboarding',
    'First salary arrives',
    'Personas',
    'Pain points and opportunities',
  ]) {
    assert.ok(text.includes(words), `${words} printed`);
  }
  assert.ok(!text.includes('Search the map'), 'the search box is not printed');
  // The whole board (five stages) lands on the first sheet's width.
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
  for (const stage of ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']) {
    assert.ok(first.includes(stage), `${stage} on the first sheet`);
  }
});
