// Starting on a file that is not a Jejak library: the app opens, says what is wrong and where,
// and leaves the file byte-for-byte as it was.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifacts, byTestId, eventually, startDriver } from './harness.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'jejak-e2e-bad-'));
let driver;

before(async () => {
  driver = await startDriver({ LANG: 'en_US.UTF-8', JEJAK_LIBRARY: '' });
});
after(async () => driver?.stop());

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function expectRefusal(file, kind, headline) {
  const before = sha(file);
  await driver.withApp(
    async (app) => {
      const problem = await app.$(byTestId('library-problem'));
      await problem.waitForDisplayed({ timeout: 20000 });
      assert.equal(await problem.getAttribute('data-kind'), kind);
      assert.equal(await app.$(byTestId('problem-path')).getText(), file);
      assert.match(await problem.getText(), headline);
      await app.saveScreenshot(path.join(artifacts, `refused-${kind}.png`));
    },
    ['--library', file],
  );
  assert.equal(sha(file), before, 'the refused file was modified');
  for (const side of ['-wal', '-shm', '-journal'])
    assert.ok(!existsSync(file + side), `${file}${side} was created`);
}

test('another application’s SQLite database is refused untouched', async () => {
  const file = path.join(dir, 'music.sqlite');
  execFileSync('sqlite3', [
    file,
    "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('Bengawan Solo');",
  ]);
  await expectRefusal(file, 'Foreign', /belongs to another application/);
});

test('a text file is refused untouched', async () => {
  const file = path.join(dir, 'notes.jejak');
  writeFileSync(file, 'not a database\n'.repeat(20));
  await expectRefusal(file, 'NotSqlite', /not a Jejak library/);
});

test('a zero-byte file is refused untouched', async () => {
  const file = path.join(dir, 'empty.jejak');
  writeFileSync(file, '');
  await expectRefusal(file, 'Empty', /empty/);
});
