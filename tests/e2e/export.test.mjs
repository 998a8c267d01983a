// PDF export from the board on the real app: the dialog previews where pages break for each
// layout, then writes the PDF (the native save dialog is bypassed with JEJAK_EXPORT_SAVE_PATH,
// since WebDriver cannot drive GTK's file chooser), and poppler reads the result back. The options
// of the last export come back after a restart.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { artifacts, byTestId, eventually, typeInto, useDriver, choose } from './harness.mjs';

const FILE = 'Peta perjalanan.pdf';
const ctx = useDriver('export', { env: (dir) => ({ JEJAK_EXPORT_SAVE_PATH: path.join(dir, FILE) }) });
const pdf = path.join(ctx.dir, FILE);

const sheets = async (app) => (await app.$$(byTestId('export-sheet'))).length;
const labels = (app) =>
  app.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="export-sheet-label"]'), (l) => l.textContent),
  );

test('Ctrl+P opens the export dialog; the preview follows the layout; the PDF holds the cards', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
    for (const [i, title] of [
      [0, 'Kunjungan ke gerai Bandung'],
      [2, 'Pendaftaran lewat aplikasi — verifikasi wajah'],
    ]) {
      await app.$$(byTestId('add-card'))[i].click();
      await typeInto(app, await app.$(byTestId('card-title-input')), title);
      await app.keys('Enter');
      await eventually(async () => (await app.$$(`[aria-label="${title}"]`)).length === 1, title);
    }
    await app.keys('Escape');

    await app.keys([Key.Ctrl, 'p']);
    await (await app.$(byTestId('export-dialog'))).waitForDisplayed();
    await eventually(async () => (await sheets(app)) === 1, 'one sheet when fitting to a page');
    assert.match(await app.$(byTestId('export-summary')).getText(), /A4 landscape/);

    await app.$(byTestId('export-mode-poster')).click();
    await choose(app, app.$(byTestId('export-paper')), 'a4');
    await app.$(byTestId('export-portrait')).click();
    // Three sheets across, the third with nothing on it but the board's edge: not printed.
    await eventually(async () => (await labels(app)).join() === 'A1,A2', 'poster tiles A1–A2 in the preview');
    const summary = await app.$(byTestId('export-summary')).getText();
    assert.match(summary, /sheets plus an assembly key/);
    const pages = Number(/(\d+) pages/.exec(summary)?.[1]);
    await typeInto(app, await app.$(byTestId('export-facilitator')), 'Dewi Lestari');
    await app.saveScreenshot(path.join(artifacts, 'export-dialog-poster.png'));

    await app.$(byTestId('export-go')).click();
    const done = await app.$(byTestId('export-done'));
    await done.waitForDisplayed({ timeout: 30000 });
    assert.match(await done.getText(), new RegExp(`Saved ${pages} pages`));
    await app.saveScreenshot(path.join(artifacts, 'export-dialog-done.png'));
    assert.ok(existsSync(pdf));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Pages:\\s+${pages}\\n`));
    assert.match(info, /595\.276 x 841\.89 pts \(A4\)/);
    assert.match(info, /Author:\s+Dewi Lestari/);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Kunjungan ke gerai Bandung/);
    assert.match(text, /Assembly key/);
    assert.match(text, /Not printed, as nothing is on them \(shaded below\): A3\./);

    // Pages by stage, opened with the other shortcut.
    await app.keys('Escape');
    await eventually(async () => (await app.$$(byTestId('export-dialog'))).length === 0, 'dialog closed');
    await app.keys([Key.Ctrl, 'e']);
    await (await app.$(byTestId('export-dialog'))).waitForDisplayed();
    await app.$(byTestId('export-mode-byStage')).click();
    // Five stages at natural size: two per A4 portrait sheet, so three sheets.
    await eventually(async () => (await labels(app)).join() === '1,2,3', 'a sheet per group of stages');
    await app.saveScreenshot(path.join(artifacts, 'export-dialog-by-stage.png'));
  });

  // After a restart the dialog starts from the options of the last export.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await (await app.$(byTestId('export-pdf'))).waitForClickable({ timeout: 20000 });
    await app.keys([Key.Ctrl, 'p']);
    await (await app.$(byTestId('export-dialog'))).waitForDisplayed();
    await eventually(async () => (await labels(app)).join() === 'A1,A2', 'the poster layout remembered');
    assert.equal(await app.$(byTestId('export-facilitator')).getValue(), 'Dewi Lestari');
    assert.equal(await app.$(byTestId('export-mode-poster')).isSelected(), true);
    assert.equal(await app.$(byTestId('export-portrait')).isSelected(), true);

    // A3 by the keyboard, as a user picks from the list: focus it (Tab), then the arrow key.
    // (Setting the value from the test would not tell whether the dialog follows the control.)
    const paper = async () => app.$(byTestId('export-paper'));
    const pick = async (key) => {
      await app.execute(() => document.querySelector('[data-testid="export-paper"]')?.focus());
      await app.keys(key);
    };
    await app.$(byTestId('export-mode-fit')).click();
    await pick('ArrowDown');
    await eventually(async () => /A3 portrait/.test(await app.$(byTestId('export-summary')).getText()), 'A3');
    await app.$(byTestId('export-go')).click();
    await (await app.$(byTestId('export-done'))).waitForDisplayed({ timeout: 30000 });
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /841\.89 x 1190\.55 pts \(A3\)/);
    await app.keys('Escape');
    await eventually(async () => (await app.$$(byTestId('export-dialog'))).length === 0, 'dialog closed');

    // Opened again: the list and the summary both say A3; choosing A4 prints A4.
    await app.keys([Key.Ctrl, 'p']);
    await (await app.$(byTestId('export-dialog'))).waitForDisplayed();
    await eventually(
      async () => /A3 portrait/.test(await app.$(byTestId('export-summary')).getText()),
      'A3 again',
    );
    assert.equal(await (await paper()).getValue(), 'a3');
    await pick('ArrowUp');
    assert.equal(await (await paper()).getValue(), 'a4');
    await eventually(async () => /A4 portrait/.test(await app.$(byTestId('export-summary')).getText()), 'A4');
    await app.$(byTestId('export-go')).click();
    await (await app.$(byTestId('export-done'))).waitForDisplayed({ timeout: 30000 });
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /595\.276 x 841\.89 pts \(A4\)/);
  });
});
