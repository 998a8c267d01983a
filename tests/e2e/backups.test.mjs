// Backups on the real app, in Indonesian: quitting after edits leaves a checked backup beside the
// library; a damaged library is refused with a message in the user's language (SQLite's words
// only behind "Rincian"), and the newest backup is restored from the problem screen, keeping the
// damaged file as it was under another name. Without a backup, a new library can be started.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  closeWindowLikeAUser,
  eventually,
  texts,
  typeInto,
  useDriver,
} from './harness.mjs';

const ctx = useDriver('backups', {
  lang: 'id_ID.UTF-8',
  env: (dir) => ({ JEJAK_NEW_LIBRARY_PATH: path.join(dir, 'baru', 'pustaka-baru.jejak') }),
});
const library = () => path.join(ctx.dir, 'library.jejak');
const backups = () => {
  const dir = path.join(ctx.dir, 'backups');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jejak')) : [];
};
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Scribbles over the library's pages after the header: it still says "Jejak", but is damaged. */
function damage(file) {
  const bytes = readFileSync(file);
  bytes.fill(0xa5, 8192, Math.min(bytes.length, 8192 * 3));
  writeFileSync(file, bytes);
}

test('quitting after edits leaves a backup, which restores a damaged library', async () => {
  const app = await ctx.driver.launch();
  try {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await typeInto(app, await app.$(byTestId('new-map-title')), 'Peta lama');
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
    closeWindowLikeAUser();
    // The app closes the library and takes the quit backup before it ends. The first edit of a
    // library without backups may have taken one already, so there can be two (the same second
    // gives them the same name).
    await eventually(
      () => backups().length >= 1 && !existsSync(`${library()}-wal`),
      () =>
        `the quit backup (backups: ${backups().join(', ') || 'none'}; log: ${existsSync(`${library()}-wal`)})`,
      15000,
    );
  } finally {
    await ctx.driver.quit(app).catch(() => {});
  }
  const backup = backups().sort().at(-1);
  const check = execFileSync('sqlite3', [path.join(ctx.dir, 'backups', backup), 'PRAGMA integrity_check;'], {
    encoding: 'utf8',
  });
  assert.equal(check.trim(), 'ok');

  damage(library());
  const damaged = sha(library());
  await ctx.driver.withApp(async (app) => {
    const problem = await app.$(byTestId('library-problem'));
    await problem.waitForDisplayed({ timeout: 20000 });
    assert.equal(await problem.getAttribute('data-kind'), 'Corrupt');
    assert.equal(await app.$(byTestId('problem-headline')).getText(), 'Berkas pustaka rusak.');
    // SQLite's own words only on request.
    assert.equal((await app.$$(byTestId('problem-detail'))).length, 0);
    assert.doesNotMatch(await problem.getText(), /sqlite|malformed|btree/i);
    await app.$(byTestId('problem-details')).click();
    assert.ok((await app.$(byTestId('problem-detail')).getText()).length > 0);
    const restore = await app.$(byTestId('problem-restore'));
    assert.match(await restore.getText(), /^Pulihkan cadangan dari /);
    await app.saveScreenshot(path.join(artifacts, 'problem-restore-id.png'));
    await restore.click();
    await eventually(
      async () => (await app.$$(byTestId('map-row'))).length === 1,
      'the restored library lists its map',
      20000,
    );
    assert.deepEqual(await texts(app, byTestId('open-map')), ['Peta lama']);
    assert.match(
      await app.$(byTestId('toast')).getText(),
      /dipulihkan\. Pustaka yang rusak disimpan sebagai /,
    );
    await app.saveScreenshot(path.join(artifacts, 'restored-id.png'));
  });
  const kept = readdirSync(ctx.dir).filter((f) => f.startsWith('library.damaged-'));
  assert.equal(kept.length, 1, `the damaged file is kept: ${readdirSync(ctx.dir)}`);
  assert.equal(sha(path.join(ctx.dir, kept[0])), damaged, 'the damaged file was changed');
});

test('a damaged library without a backup offers a new library instead', async () => {
  damage(library());
  execFileSync('rm', ['-rf', path.join(ctx.dir, 'backups')]);
  await ctx.driver.withApp(async (app) => {
    const problem = await app.$(byTestId('library-problem'));
    await problem.waitForDisplayed({ timeout: 20000 });
    await app.$(byTestId('problem-no-backup')).waitForDisplayed();
    await app.$(byTestId('problem-new')).click();
    await eventually(async () => (await app.$$(byTestId('new-map'))).length === 1, 'the new library', 20000);
    assert.match(await app.$('footer, .footer, body').getText(), /pustaka-baru\.jejak/);
  });
  assert.ok(existsSync(path.join(ctx.dir, 'baru', 'pustaka-baru.jejak')));
});
