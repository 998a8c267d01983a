// Map files on the real app: a map leaves one library as a .jejak file and comes into a fresh
// library whole (its card, its undo history); opened again, the user chooses keep both or
// replace mine, and the library file is never silently duplicated or overwritten.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { appBinary, artifacts, byTestId, eventually, texts, typeInto, useDriver } from './harness.mjs';

const ctx = useDriver('mapfiles', {
  env: (dir) => ({
    JEJAK_SAVE_MAP_FILE_PATH: path.join(dir, 'handed-on.jejak'),
    JEJAK_OPEN_MAP_FILE_PATH: path.join(dir, 'handed-on.jejak'),
  }),
});
const mapFile = () => path.join(ctx.dir, 'handed-on.jejak');
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a map file carries a map into a fresh library, and opening it again asks before keeping both or replacing', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await typeInto(app, await app.$(byTestId('new-map-title')), 'Checkout journey');
    await app.$(byTestId('create-map')).click();
    await app.$$(byTestId('add-card'))[0].waitForClickable();
    await app.$$(byTestId('add-card'))[0].click();
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Pays by QRIS');
    await app.keys('Enter');
    await eventually(
      async () => (await texts(app, byTestId('card-title'))).includes('Pays by QRIS'),
      'the card',
    );
    // From the board's export dialog.
    await app.$(byTestId('export-pdf')).click();
    await app.$(byTestId('export-map-file')).click();
    await eventually(async () => existsSync(mapFile()), 'the map file');
    assert.match(await app.$(byTestId('toast')).getText(), /Map file saved: .*handed-on\.jejak/);
  });
  const written = sha(mapFile());

  // A new laptop: a library without the map.
  rmSync(path.join(ctx.dir, 'library.jejak'));
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map-file'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map-file')).click();
    await eventually(async () => (await app.$$(byTestId('map-row'))).length === 1, 'the imported map');
    assert.match(await app.$(byTestId('toast')).getText(), /^1 map imported/);
    assert.deepEqual(await texts(app, byTestId('open-map')), ['Checkout journey']);

    // Again: the library has it now. Nothing happens until the user chooses.
    await app.keys(['Control', 'o']);
    await app.$(byTestId('import-dialog')).waitForDisplayed();
    assert.equal((await app.$$(byTestId('map-row'))).length, 1);
    // Merging comes first for a map file (its own test is merge.test.mjs); here, keep both.
    assert.equal(await app.$(byTestId('import-merge')).isSelected(), true);
    await app.$(byTestId('import-keep-both')).click();
    await app.saveScreenshot(path.join(artifacts, 'import-map-file.png'));
    await app.$(byTestId('import-go')).click();
    await eventually(async () => (await app.$$(byTestId('map-row'))).length === 2, 'the copy beside it');
    assert.deepEqual((await texts(app, byTestId('open-map'))).sort(), [
      'Checkout journey',
      'Copy of Checkout journey',
    ]);

    // Replace mine: still two maps.
    await app.$(byTestId('open-map-file')).click();
    await app.$(byTestId('import-replace')).click();
    await app.$(byTestId('import-go')).click();
    await eventually(async () => (await app.$$(byTestId('import-dialog'))).length === 0, 'the dialog closed');
    assert.equal((await app.$$(byTestId('map-row'))).length, 2);

    // The imported map is whole: its card, and its history (undo takes the card back).
    const rows = await texts(app, byTestId('open-map'));
    await app.$$(byTestId('open-map'))[rows.indexOf('Checkout journey')].click();
    await eventually(
      async () => (await texts(app, byTestId('card-title'))).includes('Pays by QRIS'),
      'the card',
    );
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => !(await texts(app, byTestId('card-title'))).includes('Pays by QRIS'),
      'undone',
    );
  });
  assert.equal(sha(mapFile()), written, 'opening a map file changed it');
});

test("a file that is not a map file is refused in the user's words and left as it was", async () => {
  writeFileSync(mapFile(), 'stage,lane\nAwareness,Touchpoints\n');
  const before = sha(mapFile());
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map-file'))).waitForClickable({ timeout: 20000 });
    const maps = (await app.$$(byTestId('map-row'))).length;
    await app.$(byTestId('open-map-file')).click();
    await eventually(async () => (await app.$$(byTestId('toast'))).length > 0, 'the message');
    // The file's own problem in plain words; SQLite's only behind "Details".
    assert.match(await app.$(byTestId('toast')).getText(), /^This file is not a Jejak map file\./);
    assert.doesNotMatch(await app.$(byTestId('toast')).getText(), /sqlite|database/i);
    assert.equal((await app.$$(byTestId('import-dialog'))).length, 0);
    assert.equal((await app.$$(byTestId('map-row'))).length, maps);
  });
  assert.equal(sha(mapFile()), before);
});

test('a map file opened from the file manager while Jejak runs goes to the open window, and one given at start is brought in', async () => {
  const library = path.join(ctx.dir, 'library.jejak');
  rmSync(library, { force: true });
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await typeInto(app, await app.$(byTestId('new-map-title')), 'Onboarding journey');
    await app.$(byTestId('create-map')).click();
    await app.$(byTestId('export-pdf')).waitForClickable();
    rmSync(mapFile(), { force: true });
    await app.$(byTestId('export-pdf')).click();
    await app.$(byTestId('export-map-file')).click();
    await eventually(async () => existsSync(mapFile()), 'the map file');

    // A double-click on the file while this window edits the map: the second launch hands the
    // file over and ends; this window goes to the library and asks, as Open map file… does.
    const second = spawnSync(appBinary, [mapFile()], {
      env: { ...process.env, JEJAK_LIBRARY: library, JEJAK_CONFIG_DIR: path.join(ctx.dir, 'config') },
      encoding: 'utf8',
      timeout: 20000,
    });
    assert.equal(second.status, 0, `the second launch: ${second.stderr}`);
    assert.match(second.stdout, /went to the Jejak already open/);
    await app.$(byTestId('import-dialog')).waitForDisplayed({ timeout: 10000 });
    assert.equal(await app.$(byTestId('import-merge')).isSelected(), true);
    await app.$(byTestId('import-keep-both')).click();
    await app.saveScreenshot(path.join(artifacts, 'handed-over-map-file.png'));
    await app.$(byTestId('import-go')).click();
    await eventually(async () => (await app.$$(byTestId('map-row'))).length === 2, 'the copy');
  });

  // A new laptop: the file manager starts Jejak with the file.
  rmSync(library);
  await ctx.driver.withApp(
    async (app) => {
      await eventually(async () => (await app.$$(byTestId('map-row'))).length === 1, 'the map', 20000);
      assert.deepEqual(await texts(app, byTestId('open-map')), ['Onboarding journey']);
      assert.match(await app.$(byTestId('toast')).getText(), /^1 map imported/);
    },
    [mapFile()],
  );
});
