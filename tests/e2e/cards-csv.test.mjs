// Cards from a CSV on the real app: a spreadsheet's touchpoint list in Indonesian (`;` between
// fields) is previewed with its columns suggested, names a stage the map lacks (created only after
// the user agrees), lands as cards in the cells it names, and one undo takes it all back. A file
// with a bad row is refused with its line and nothing changes.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, texts, useDriver, fromMore } from './harness.mjs';

const ctx = useDriver('cards-csv');

test('cards come in from a CSV after a preview, with the missing stage created on agreement', async () => {
  const good = path.join(ctx.dir, 'titik-sentuh.csv');
  writeFileSync(
    good,
    '\uFEFFTahap;Lajur;Judul;Jenis;Prioritas\n' +
      'Awareness;Touchpoints;Lihat iklan;Digital;\n' +
      'Purchase;Touchpoints;Bayar pakai QRIS;digital;\n' +
      'Unboxing;Touchpoints;Buka kotak;Fisik;\n',
  );
  const bad = path.join(ctx.dir, 'rusak.csv');
  writeFileSync(bad, 'Title,Kind\nFine,digital\nOdd,robot\n');

  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the journey board');
    const cardsBefore = (await app.$$(byTestId('card'))).length;

    await fromMore(app, 'import-cards');
    await app.$(byTestId('cards-csv-file')).setValue(bad);
    await app.$(byTestId('cards-csv-errors')).waitForDisplayed();
    assert.match(await app.$(byTestId('cards-csv-errors')).getText(), /Line 3: “Kind” is “robot”/);
    assert.equal(await app.$(byTestId('cards-csv-import')).isEnabled(), false);

    await app.$(byTestId('cards-csv-file')).setValue(good);
    await app.$(byTestId('cards-csv-summary')).waitForDisplayed();
    assert.equal(await app.$(byTestId('cards-csv-column-stage')).getValue(), 'Tahap');
    assert.equal(await app.$(byTestId('cards-csv-column-title')).getValue(), 'Judul');
    const summary = await app.$(byTestId('cards-csv-summary')).getText();
    assert.match(summary, /3 cards will be added/);
    assert.match(summary, /stage “Unboxing”/);
    assert.equal(await app.$(byTestId('cards-csv-import')).isEnabled(), false, 'not before agreeing');
    await app.saveScreenshot(path.join(artifacts, 'cards-csv-preview.png'));
    await app.$(byTestId('cards-csv-create')).click();
    await app.$(byTestId('cards-csv-import')).click();
    await app.$(byTestId('cards-csv-done')).waitForDisplayed();
    assert.equal(await app.$(byTestId('cards-csv-done')).getText(), '3 cards imported.');
    await app.keys('Escape');

    await eventually(async () => (await app.$$(byTestId('stage'))).length === 6, 'the new stage');
    assert.equal((await texts(app, byTestId('stage-title')))[5], 'Unboxing');
    await eventually(async () => (await app.$$(byTestId('card'))).length === cardsBefore + 3, 'the cards');
    // The new stage is off to the right: its cells render once the whole map is in view.
    await app.$(byTestId('zoom-fit')).click();
    const inStage = () =>
      app.execute(() => {
        const stage = [...document.querySelectorAll('[data-testid="stage"]')].find(
          (s) => s.querySelector('[data-testid="stage-title"]')?.textContent.trim() === 'Unboxing',
        );
        const id = stage?.getAttribute('data-stage-id');
        return [
          ...document.querySelectorAll(
            `[data-testid="cell"][data-stage-id="${id}"] [data-testid="card-title"]`,
          ),
        ].map((c) => c.textContent.trim());
      });
    await eventually(async () => (await inStage()).join() === 'Buka kotak', 'the card in the new stage');

    // One undo takes the cards and the stage back.
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the stage gone again');
    assert.equal((await app.$$(byTestId('card'))).length, cardsBefore);
  });
});
