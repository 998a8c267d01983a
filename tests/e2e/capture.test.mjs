// Fast capture on the real app, in Indonesian: C opens the box, each line typed and entered is a
// card in the chosen cell, in order, with the marks set (#masalah files it as a pain point); each
// line is one undo step; a pasted list is one card per line, and a too-long line refuses the paste.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, texts, useDriver, newMap, topBarHeight } from './harness.mjs';

const ctx = useDriver('capture', { lang: 'id_ID.UTF-8' });

/** Card titles of the first stage's cell in lane `kind`, in order. */
const cellTitles = (app, kind) =>
  app.execute((k) => {
    const lane = document.querySelector(`[data-testid="lane"][data-kind="${k}"]`);
    const stage = document.querySelector('[data-testid="stage"]');
    if (!lane || !stage) return null;
    const sel = `[data-testid="cell"][data-stage-id="${stage.dataset.stageId}"][data-lane-id="${lane.dataset.laneId}"]`;
    return Array.from(document.querySelectorAll(`${sel} [data-testid="card-title"]`), (h) =>
      h.textContent.trim(),
    );
  }, kind);

/** Pastes `text` into the focused field as the system clipboard would. */
const paste = (app, text) =>
  app.execute((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      }),
    );
  }, text);

test('cards are captured one per line, with their marks, one undo step each', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMap(app);
    assert.ok((await topBarHeight(app)) < 60, 'the toolbar fits one row at 1280 px');

    await app.keys('c');
    const box = await app.$(byTestId('capture-input'));
    await box.waitForDisplayed();
    const lines = [
      'Lihat iklan di Instagram',
      'Tanya teman',
      'Checkout gagal !! @Produk #masalah',
      'Chat CS #manusia',
      'Email promo #digital #q3',
    ];
    for (const line of lines) {
      await box.addValue(line);
      await app.keys('Enter');
      await eventually(async () => (await box.getValue()) === '', 'the box empty for the next line');
    }
    await eventually(
      async () => (await app.$(byTestId('capture-count')).getText()).startsWith('5 kartu'),
      'five cards counted',
    );
    assert.deepEqual(await cellTitles(app, 'touchpoints'), [
      'Lihat iklan di Instagram',
      'Tanya teman',
      'Chat CS',
      'Email promo',
    ]);
    assert.deepEqual(await cellTitles(app, 'painPoints'), ['Checkout gagal']);
    assert.equal((await app.$$(byTestId('marker-mot'))).length, 1);
    assert.deepEqual(await texts(app, byTestId('marker-kind')), ['Manusia', 'Digital']);
    await app.saveScreenshot(path.join(artifacts, 'capture.png'));

    // Undo takes back the last line only.
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await cellTitles(app, 'touchpoints')).length === 3, 'the last line undone');
    assert.deepEqual(await cellTitles(app, 'painPoints'), ['Checkout gagal']);

    // A pasted list makes one card per line; a too-long line makes none and says which.
    await box.click();
    await paste(app, `Baris satu\nBaris ${'x'.repeat(600)}\nBaris tiga`);
    await eventually(
      async () => (await app.$(byTestId('capture-problem')).getText()).startsWith('Baris 2:'),
      'the refusal',
    );
    assert.equal((await cellTitles(app, 'touchpoints')).length, 3);
    await paste(app, 'Baris satu\n\nBaris dua\r\nBaris tiga');
    await eventually(async () => (await cellTitles(app, 'touchpoints')).length === 6, 'three pasted cards');
    assert.deepEqual((await cellTitles(app, 'touchpoints')).slice(3), [
      'Baris satu',
      'Baris dua',
      'Baris tiga',
    ]);

    await app.keys('Escape');
    await box.waitForDisplayed({ reverse: true });
  });
});

test('a card is entered with one click: add, type, Enter, then single keys set its kind and moment of truth', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMap(app);
    await app.$$(byTestId('add-card'))[0].click();
    await app.$(byTestId('card-title-input')).addValue('Kasir ramah');
    await app.keys('Enter');
    // The new card stays selected and the inspector follows it.
    await eventually(
      async () =>
        (await app.$(byTestId('inspector-title')).isExisting()) &&
        (await app.$(byTestId('inspector-title')).getValue()) === 'Kasir ramah',
      'the inspector on the new card',
    );
    await app.$(`${byTestId('card')}[aria-label="Kasir ramah"]`).waitForDisplayed();
    await app.keys('h');
    await app.keys('m');
    await eventually(
      async () => (await texts(app, byTestId('marker-kind'))).join() === 'Manusia',
      'kind human',
    );
    await eventually(async () => (await app.$$(byTestId('marker-mot'))).length === 1, 'moment of truth');
    await app.saveScreenshot(path.join(artifacts, 'entry-keys.png'));
  });
});
