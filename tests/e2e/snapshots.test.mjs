// Snapshots and map JSON on the real app: a named snapshot is taken, looked at on a frozen board,
// restored as one undo step after a safety snapshot; a map leaves as JSON from the export dialog
// and comes into a fresh library.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, texts, typeInto, useDriver, fromMore } from './harness.mjs';

const ctx = useDriver('snapshots', {
  env: (dir) => ({
    JEJAK_SAVE_MAP_FILE_PATH: path.join(dir, 'handed-on.json'),
    JEJAK_OPEN_MAP_FILE_PATH: path.join(dir, 'handed-on.json'),
  }),
});
const jsonFile = () => path.join(ctx.dir, 'handed-on.json');

async function newMapWithCard(app, title, card) {
  await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
  await app.$(byTestId('new-map')).click();
  await typeInto(app, await app.$(byTestId('new-map-title')), title);
  await app.$(byTestId('create-map')).click();
  await addCard(app, card);
}

async function addCard(app, title) {
  await app.$$(byTestId('add-card'))[0].waitForClickable();
  await app.$$(byTestId('add-card'))[0].click();
  await typeInto(app, await app.$(byTestId('card-title-input')), title);
  await app.keys('Enter');
  await eventually(async () => (await texts(app, byTestId('card-title'))).includes(title), title);
}

const cards = (app) => texts(app, byTestId('card-title'));

test('a named snapshot is previewed read-only, restored as one undo step, and the restore is undone', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMapWithCard(app, 'Checkout journey', 'Pays by QRIS');
    await fromMore(app, 'show-history');
    await app.$(byTestId('no-snapshots')).waitForDisplayed();
    await typeInto(app, await app.$(byTestId('snapshot-label')), 'Before workshop 2');
    await app.$(byTestId('take-snapshot')).click();
    await eventually(async () => (await app.$$(byTestId('snapshot'))).length === 1, 'the snapshot listed');
    const row = await app.$(byTestId('snapshot')).getText();
    assert.match(row, /Before workshop 2/);
    assert.match(row, /Taken by you/);
    assert.match(row, /\d+ stages, \d+ lanes, 1 card\b/);
    await app.keys('Escape');

    // The workshop adds a card.
    await addCard(app, 'Abandons cart');

    // Preview: the board shows the snapshot, frozen; the toolbar gives way to the preview bar.
    await fromMore(app, 'show-history');
    await app.$(byTestId('preview-snapshot')).click();
    await app.$(byTestId('snapshot-preview')).waitForDisplayed();
    await eventually(async () => !(await cards(app)).includes('Abandons cart'), 'the snapshot shown');
    assert.equal((await app.$$(byTestId('show-history'))).length, 0, 'no editing toolbar in a preview');
    await app.saveScreenshot(path.join(artifacts, 'snapshot-preview.png'));
    await app.$(byTestId('close-preview')).click();
    await eventually(async () => (await cards(app)).includes('Abandons cart'), 'the live map back');

    // Restore, after a confirmation; the current map is kept in a snapshot first.
    await fromMore(app, 'show-history');
    await app.$(byTestId('restore-snapshot')).click();
    await app.$(byTestId('confirm')).click();
    await eventually(async () => !(await cards(app)).includes('Abandons cart'), 'restored');
    assert.deepEqual(await cards(app), ['Pays by QRIS']);
    await eventually(
      async () => (await texts(app, byTestId('toast'))).some((t) => /Map restored to/.test(t)),
      'the restore told',
    );
    await fromMore(app, 'show-history');
    await eventually(async () => (await app.$$(byTestId('snapshot'))).length === 2, 'the safety snapshot');
    assert.match(await app.$$(byTestId('snapshot'))[0].getText(), /before a restore/);
    await app.saveScreenshot(path.join(artifacts, 'snapshot-history.png'));
    await app.keys('Escape');

    // One undo step brings the workshop's card back.
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await cards(app)).includes('Abandons cart'), 'the restore undone');
  });

  // Snapshots live in the library file: still there after a restart.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await fromMore(app, 'show-history');
    await eventually(async () => (await app.$$(byTestId('snapshot'))).length === 2, 'kept across a restart');
  });
});

test('a map leaves as JSON from the export dialog and comes into a fresh library opened with the file', async () => {
  rmSync(path.join(ctx.dir, 'library.jejak'), { force: true });
  await ctx.driver.withApp(async (app) => {
    await newMapWithCard(app, 'Perjalanan pelanggan', 'Bayar dengan QRIS');
    await app.$(byTestId('export-pdf')).click();
    await app.$(byTestId('export-json')).waitForClickable();
    await app.saveScreenshot(path.join(artifacts, 'export-dialog-formats.png'));
    await app.$(byTestId('export-json')).click();
    await eventually(async () => existsSync(jsonFile()), 'the JSON file');
    assert.match(await app.$(byTestId('toast')).getText(), /JSON saved: .*handed-on\.json/);
  });
  const json = JSON.parse(readFileSync(jsonFile(), 'utf8'));
  assert.equal(json.format, 'jejak.map');
  assert.equal(json.map.title, 'Perjalanan pelanggan');
  assert.deepEqual(
    json.cards.map((c) => c.title),
    ['Bayar dengan QRIS'],
  );

  // Opened from the file manager (`jejak FILE`) on a new laptop: the map comes straight in.
  rmSync(path.join(ctx.dir, 'library.jejak'));
  await ctx.driver.withApp(
    async (app) => {
      await eventually(async () => (await app.$$(byTestId('map-row'))).length === 1, 'the imported map');
      assert.match(await app.$(byTestId('toast')).getText(), /^1 map imported/);
      await app.$(byTestId('open-map')).click();
      await eventually(async () => (await cards(app)).includes('Bayar dengan QRIS'), 'its card');
    },
    [jsonFile()],
  );
});

test('a Mermaid journey opened with the app comes in as stages, cards and a persona', async () => {
  const journey = path.join(ctx.dir, 'belanja.mmd');
  writeFileSync(
    journey,
    'journey\n  title Belanja online\n  section Temukan\n    Lihat iklan: 4: Rina\n  section Beli\n    Bayar QRIS: 1: Rina\n',
  );
  rmSync(path.join(ctx.dir, 'library.jejak'), { force: true });
  await ctx.driver.withApp(
    async (app) => {
      await eventually(async () => (await app.$$(byTestId('map-row'))).length === 1, 'the imported journey');
      assert.deepEqual(await texts(app, byTestId('open-map')), ['Belanja online']);
      await app.$(byTestId('open-map')).click();
      await eventually(async () => (await cards(app)).length === 2, 'its cards');
      assert.deepEqual(await cards(app), ['Lihat iklan', 'Bayar QRIS']);
      assert.match(await app.$(byTestId('toggle-personas')).getText(), /\(1\)/);
    },
    [journey],
  );
});
