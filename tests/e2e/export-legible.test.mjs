// A big map printed legibly, on the real app: fitted onto one A3 sheet its text would be far too
// small, so the export dialog says so and proposes pages by stage and a poster with their sheet
// counts; taking a proposal prints no word below the chosen minimum (measured with pdftotext),
// and a larger minimum is kept too.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { artifacts, byTestId, eventually, repo, typeInto, useDriver } from './harness.mjs';

const FILE = 'besar.pdf';
const ctx = useDriver('export-legible', { env: (dir) => ({ JEJAK_EXPORT_SAVE_PATH: path.join(dir, FILE) }) });
const pdf = path.join(ctx.dir, FILE);

/** The smallest size `word` (any word, if none given) prints at on pages up to `lastPage`, in
 * points. pdftotext's word boxes are DejaVu Sans' ascent to descent: 1.164 em. */
function smallestTextPt(file, { word = null, lastPage = null } = {}) {
  const range = lastPage ? ['-l', String(lastPage)] : [];
  const html = execFileSync('pdftotext', ['-bbox', ...range, file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  let smallest = Infinity;
  for (const m of html.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)</g))
    if (word === null || m[3] === word) smallest = Math.min(smallest, (Number(m[2]) - Number(m[1])) / 1.164);
  return smallest;
}

const summaryPt = async (app) =>
  Number(/([\d.,]+) pt$/.exec(await app.$(byTestId('export-summary')).getText())?.[1].replace(',', '.'));

test('a 300-card map: fit says the text is too small, and a proposed layout prints it legibly', async () => {
  execFileSync(path.join(repo, 'target/debug/examples/generate_library'), [
    path.join(ctx.dir, 'library.jejak'),
    '300',
  ]);
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await (await app.$(byTestId('export-pdf'))).waitForClickable({ timeout: 30000 });
    await app.keys([Key.Ctrl, 'p']);
    await (await app.$(byTestId('export-dialog'))).waitForDisplayed();
    // A3, picked as a user does: focus the list, then the arrow key.
    await app.execute(() => document.querySelector('[data-testid="export-paper"]')?.focus());
    await app.keys('ArrowDown');
    await eventually(
      async () => /A3 landscape/.test(await app.$(byTestId('export-summary')).getText()),
      'A3',
    );

    const warning = await app.$(byTestId('export-small-print'));
    await warning.waitForDisplayed({ timeout: 20000 });
    assert.match(await warning.getText(), /The smallest text prints at [\d.]+ pt, below the 6 pt you chose/);
    assert.ok((await summaryPt(app)) < 2, 'fitted onto one sheet, the text is tiny');
    const byStage = await app.$(byTestId('export-use-byStage'));
    const poster = await app.$(byTestId('export-use-poster'));
    assert.match(await byStage.getText(), /^Pages by stage: \d+ sheets, text [\d.]+ pt$/);
    assert.match(await poster.getText(), /^Poster at 96%: \d+ sheets, text 6 pt$/);
    await app.pause(800); // lets WebKit paint the new preview before the picture
    await app.saveScreenshot(path.join(artifacts, 'export-legible-proposals.png'));

    const sheets = Number(/(\d+) sheets/.exec(await byStage.getText())?.[1]);
    await byStage.click();
    await eventually(
      async () => app.$(byTestId('export-mode-byStage')).isSelected(),
      'pages by stage chosen',
    );
    await eventually(async () => (await app.$$(byTestId('export-small-print'))).length === 0, 'no warning');
    assert.ok((await summaryPt(app)) >= 6);
    assert.equal((await app.$$(byTestId('export-sheet-label'))).length > 0, true);
    await app.pause(800); // lets WebKit paint the new preview before the picture
    await app.saveScreenshot(path.join(artifacts, 'export-legible-by-stage.png'));
    await app.$(byTestId('export-go')).click();
    await (await app.$(byTestId('export-done'))).waitForDisplayed({ timeout: 60000 });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, /1190\.55 x 841\.89 pts \(A3\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= sheets, `${pages} pages hold the ${sheets} map sheets`);
    const printed = smallestTextPt(pdf);
    assert.ok(printed >= 5.95, `the smallest word prints at ${printed} pt`);

    // A larger minimum: the same layout at a larger scale, the map's text at least that big (a
    // card's evidence line is the smallest text on it; page footers and the legend keep theirs).
    await typeInto(app, await app.$(byTestId('export-min-text')), '8', { replace: true });
    await eventually(async () => (await summaryPt(app)) >= 8, 'text of at least 8 pt', 20000);
    await app.$(byTestId('export-go')).click();
    await eventually(
      async () => /Saved/.test(await app.$(byTestId('export-done')).getText()),
      'the second export',
      60000,
    );
    // The map's sheets come first; the persona pages and the inventory table keep their own size.
    const labels = await app.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="export-sheet-label"]'), (l) => l.textContent),
    );
    const mapSheets = new Set(labels).size;
    await eventually(
      async () => smallestTextPt(pdf, { word: 'Observed', lastPage: mapSheets }) >= 7.95,
      'the map sheets at 8 pt',
      30000,
    );
  });
});
