// A team keeps one map in step through a shared folder, on the real app: Ana shares her map
// through a folder, Budi adds it from that folder in his own library (Open shared folder…), and
// their edits reach each other — at start, and while Ana's app is open (Budi's laptop played by
// jejak-cli on his library). The board says who else edits and when their edit arrived; a card
// Budi filed in a stage Ana deleted is parked and listed as a conflict; Ana's undo takes back her
// own edit only; a folder that goes away keeps edits waiting until it is back.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  eventually,
  fromMore,
  openMapTitled,
  repo,
  texts,
  typeInto,
  useDriver,
} from './harness.mjs';

const ctx = useDriver('sync', {
  env: (dir) => ({
    JEJAK_SHARE_FOLDER_PATH: path.join(dir, 'Team'),
    // Rounds every half second instead of two: the same code, a shorter wait.
    JEJAK_SYNC_POLL_MS: '500',
  }),
});
const folder = () => path.join(ctx.dir, 'Team');
const budiLibrary = () => path.join(ctx.dir, 'budi.jejak');
const budi = () => ['--library', budiLibrary()];
const cli = (...args) =>
  execFileSync(path.join(repo, 'target/debug/jejak-cli'), args, {
    encoding: 'utf8',
    env: { ...process.env, JEJAK_LIBRARY: '' },
  });
/** Budi's laptop, while only Ana's app runs: cards from a spreadsheet, then a sync. */
function budiFiles(rows, { sync = true } = {}) {
  const csv = path.join(ctx.dir, `budi-${Date.now()}.csv`);
  writeFileSync(csv, `title,stage,lane\n${rows.join('\n')}\n`);
  cli('import', '--library', budiLibrary(), csv, '--map', 'Workshop map');
  if (sync) return cli('sync', '--library', budiLibrary());
  return '';
}

const cardTitles = (app) => texts(app, byTestId('card-title'));
const badge = (app) =>
  app.execute(() => document.querySelector('[data-testid="shared-badge-text"]')?.textContent?.trim() ?? '');

async function addCard(app, title) {
  await app.$$(byTestId('add-card'))[0].waitForClickable();
  await app.$$(byTestId('add-card'))[0].click();
  await typeInto(app, await app.$(byTestId('card-title-input')), title);
  await app.keys('Enter');
  await eventually(async () => (await cardTitles(app)).includes(title), title);
}

test('a map shared through a folder: edits cross both ways, who edits is shown, conflicts parked and listed', async () => {
  execFileSync('mkdir', ['-p', folder()]);

  // Ana makes the map and shares it through the team's folder.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await typeInto(app, await app.$(byTestId('new-map-title')), 'Workshop map');
    await app.$(byTestId('create-map')).click();
    await addCard(app, "Ana's card");
    assert.deepEqual((await texts(app, byTestId('stage-title'))).slice(0, 3), [
      'Awareness',
      'Consideration',
      'Purchase',
    ]);
    await fromMore(app, 'show-sharing');
    await app.$(byTestId('sharing-dialog')).waitForDisplayed();
    await typeInto(app, await app.$(byTestId('sharing-name')), 'Ana Wijaya');
    await app.$(byTestId('sharing-choose')).click();
    await eventually(
      async () => (await app.$(byTestId('sharing-chosen')).getText()) === folder(),
      'the folder chosen',
    );
    await app.$(byTestId('sharing-start')).click();
    await eventually(
      async () =>
        (await app.$(byTestId('sharing-folder')).isExisting()) &&
        (await app.$(byTestId('sharing-nobody')).isExisting()),
      'shared, nobody else yet',
    );
    await eventually(
      async () => /All your edits are in the folder/.test(await app.$(byTestId('sharing-waiting')).getText()),
      'the edits written to the folder',
    );
    await app.saveScreenshot(path.join(artifacts, 'sync-settings.png'));
    await app.keys('Escape');
    await eventually(async () => (await badge(app)) === 'Shared', 'the badge');
  });

  // Budi adds the map from his copy of the folder, in his own library, and adds a card.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-shared-folder'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-shared-folder')).click();
    await typeInto(app, await app.$(byTestId('join-name')), 'Budi Santoso');
    await app.$(byTestId('join-choose')).click();
    await eventually(async () => (await app.$$(byTestId('join-map'))).length === 1, 'the shared map listed');
    const row = await app.$(byTestId('join-map')).getText();
    assert.match(row, /Workshop map/);
    assert.match(row, /Edited by Ana Wijaya/);
    await app.saveScreenshot(path.join(artifacts, 'sync-join.png'));
    await app.$(byTestId('join-add')).click();
    await app.$(byTestId('map-title')).waitForDisplayed({ timeout: 20000 });
    assert.deepEqual(await cardTitles(app), ["Ana's card"]);
    await eventually(async () => /^Ana · /.test(await badge(app)), 'Ana shown as editing');
    await fromMore(app, 'show-sharing');
    await eventually(
      async () =>
        (await app.$$(byTestId('sharing-peer'))).length === 1 &&
        /Ana Wijaya/.test(await app.$(byTestId('sharing-peer')).getText()),
      'Ana listed',
    );
    await app.keys('Escape');
    await addCard(app, "Budi's card");
    // In the folder within a round (the library has it either way).
    await fromMore(app, 'show-sharing');
    await eventually(
      async () => /All your edits are in the folder/.test(await app.$(byTestId('sharing-waiting')).getText()),
      "Budi's edit written to the folder",
    );
  }, budi());

  // Ana opens Jejak again: Budi's card has come in at start, and the board says so.
  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, 'Workshop map');
    await eventually(
      async () => (await cardTitles(app)).includes("Budi's card"),
      "Budi's card taken in at start",
    );
    await eventually(async () => /^Budi · /.test(await badge(app)), 'Budi shown', 15000);
    assert.match(
      await app.$(byTestId('shared-badge')).getAttribute('aria-label'),
      /Budi Santoso: last edit arrived/,
    );

    // While Ana's board is open, Budi's next edits arrive on it.
    budiFiles(['Asks a friend,Consideration,Touchpoints']);
    await eventually(
      async () => (await cardTitles(app)).includes('Asks a friend'),
      "Budi's card arrived live",
      15000,
    );
    assert.equal(await app.$(byTestId('save-state')).getAttribute('data-state'), 'saved');

    // Ana deletes the Purchase stage; Budi, not synced yet, files a card there.
    // (An empty stage goes without a question.)
    await app.$$(byTestId('delete-stage'))[2].click();
    await eventually(
      async () => !(await texts(app, byTestId('stage-title'))).includes('Purchase'),
      'Purchase deleted',
    );
    budiFiles(['Pays by QRIS,Purchase,Touchpoints'], { sync: false });
    // Ana's delete reaches the folder before Budi syncs.
    await new Promise((r) => setTimeout(r, 2000));
    const budiSaw = cli('sync', '--library', budiLibrary());
    assert.match(budiSaw, /1 conflicts/);
    await eventually(
      async () => (await app.$$(byTestId('conflict'))).length === 1,
      "the conflict listed on Ana's board",
      15000,
    );
    assert.match(
      await app.$(byTestId('conflicts-panel')).getText(),
      /Pays by QRIS[\s\S]*Parked[\s\S]*Ana Wijaya[\s\S]*Budi Santoso/,
    );
    assert.ok((await cardTitles(app)).includes('Pays by QRIS'));
    assert.ok((await texts(app, byTestId('stage-title'))).includes('Parked'), 'the Parked stage');
    await app.saveScreenshot(path.join(artifacts, 'sync-conflict.png'));

    // Ana's undo takes back her delete, not Budi's card: it stays, parked.
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => (await texts(app, byTestId('stage-title'))).includes('Purchase'),
      'Purchase back',
    );
    assert.ok((await cardTitles(app)).includes('Pays by QRIS'));
    assert.ok((await cardTitles(app)).includes('Asks a friend'));

    // The folder goes away (a drive unplugged): the board says so; Ana's edit waits, then goes.
    renameSync(folder(), `${folder()}-away`);
    await eventually(
      async () => (await badge(app)) === 'Folder offline',
      'the folder shown as offline',
      15000,
    );
    await addCard(app, 'Written offline');
    renameSync(`${folder()}-away`, folder());
    await eventually(async () => /^Budi · /.test(await badge(app)), 'the folder back', 15000);
  });

  // Budi's laptop gets everything; both maps end the same.
  const out = cli('sync', '--library', budiLibrary());
  assert.match(out, /received/);
  const exported = (lib, name) => {
    const file = path.join(ctx.dir, name);
    cli('export', '--library', lib, '--map', 'Workshop map', '-o', file);
    const map = JSON.parse(execFileSync('cat', [file], { encoding: 'utf8' }));
    delete map.map.updatedAt;
    map.cards.sort((a, b) => a.id.localeCompare(b.id));
    return map;
  };
  const ana = exported(path.join(ctx.dir, 'library.jejak'), 'ana.json');
  const theirs = exported(budiLibrary(), 'budi.json');
  assert.deepEqual(theirs, ana);
  assert.ok(ana.cards.some((c) => c.title === 'Written offline'));
  // One file per laptop in the map's folder, nothing else.
  const [mapDir] = readdirSync(folder());
  assert.equal(readdirSync(path.join(folder(), mapDir)).length, 2);
});
