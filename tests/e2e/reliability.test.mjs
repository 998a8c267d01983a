// Nothing is lost, on the real app: a field left by clicking another card saves into its own card
// (every inspector and persona field, with and without typing, fast and at human speed); a normal
// window close leaves one whole library file; a 5,000-character paste is stopped by the field.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  closeWindowLikeAUser,
  eventually,
  selectCard,
  typeInto,
  useDriver,
  choose,
} from './harness.mjs';

const ctx = useDriver('reliability');
const library = () => path.join(ctx.dir, 'library.jejak');

/** Rows of the library as the file holds them now (sqlite3 reads beside the running app). */
function query(file, sql) {
  const out = execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function addCard(app, index, title) {
  await app.$$(byTestId('add-card'))[index].click();
  await typeInto(app, await app.$(byTestId('card-title-input')), title);
  await app.keys('Enter');
  await eventually(
    async () => (await app.$$(`[data-testid="card"][aria-label="${title}"]`)).length === 1,
    title,
  );
  await eventually(async () => (await app.$$(byTestId('card-editor'))).length === 0, 'the editor closed');
}

async function newMapWithCards(app, titles) {
  await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
  await app.$(byTestId('new-map')).click();
  await app.$(byTestId('create-map')).click();
  await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
  for (const [i, title] of titles.entries()) await addCard(app, i, title);
  const rows = query(library(), 'SELECT id, title FROM cards');
  return Object.fromEntries(titles.map((t) => [t, rows.find((r) => r.title === t).id]));
}

/** Everything the inspector edits as text, per card id, from the file. */
function cardFields() {
  const rows = query(library(), 'SELECT id, title, body, attrs FROM cards');
  return Object.fromEntries(
    rows.map((r) => {
      const a = JSON.parse(r.attrs);
      return [
        r.id,
        {
          title: r.title,
          body: r.body,
          owner: a.owner ?? '',
          tags: (a.tags ?? []).join(', '),
          url: a.url ?? '',
          channel: a.channel ?? '',
        },
      ];
    }),
  );
}

const saved = (app) =>
  eventually(
    async () => (await app.$(byTestId('save-state')).getAttribute('data-state')) === 'saved',
    'saved',
  );

/** Types the way the mode says: not at all, all at once, or a person's pace with a pause. */
async function typeAs(app, element, text, mode) {
  if (mode === 'focus only') return;
  if (mode === 'fast') return element.addValue(text);
  for (const [i, ch] of [...text].entries()) {
    await element.addValue(ch);
    await sleep(i === 3 ? 700 : 120); // the pause lets a debounced save run mid-word
  }
}

const MODES = ['focus only', 'fast', 'human speed'];

test('every inspector field saves into its own card when another card is clicked', async () => {
  await ctx.driver.withApp(async (app) => {
    const ids = await newMapWithCards(app, ['Alpha', 'Bravo', 'Charlie']);
    const fields = ['title', 'body', 'owner', 'tags', 'url', 'channel'];
    for (const field of fields) {
      for (const mode of MODES) {
        const before = cardFields();
        const source = before[ids.Alpha];
        await selectCard(app, source.title);
        if (field === 'channel') {
          const select = await app.$(byTestId('inspector-channel'));
          await choose(app, select, '__custom');
        }
        const input = await app.$(
          byTestId(field === 'channel' ? 'inspector-channel-custom' : `inspector-${field}`),
        );
        await input.click();
        const text = field === 'url' ? `https://ex.id/${mode.replace(' ', '-')}` : `${field} ${mode}`;
        await typeAs(app, input, text, mode);
        // The most common move in a workshop: click the next card straight away.
        await app.$(`[data-card-id="${ids.Bravo}"]`).click();
        await eventually(
          async () => (await app.$(byTestId('inspector-title')).getValue()) === before[ids.Bravo].title,
          'the inspector shows Bravo',
        );
        await saved(app);
        const after = cardFields();
        const expected = mode === 'focus only' ? source[field] : `${source[field]}${text}`;
        const what = `${field}, ${mode}`;
        assert.equal(
          after[ids.Alpha][field],
          field === 'tags' ? expected.replace(/^, /, '') : expected,
          what,
        );
        assert.deepEqual(after[ids.Bravo], before[ids.Bravo], `Bravo changed (${what})`);
        assert.deepEqual(after[ids.Charlie], before[ids.Charlie], `Charlie changed (${what})`);
        for (const other of fields.filter((f) => f !== field))
          assert.equal(
            after[ids.Alpha][other],
            before[ids.Alpha][other],
            `Alpha's ${other} changed (${what})`,
          );
        // The field now shows Bravo's own value, not what was typed for Alpha.
        if (field !== 'channel')
          assert.equal(
            await app.$(byTestId(`inspector-${field}`)).getValue(),
            before[ids.Bravo][field],
            what,
          );
      }
    }
  });
});

test('every persona field saves into its own persona when another persona is opened', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMapWithCards(app, ['Delta']);
    await app.$(byTestId('toggle-personas')).click();
    for (const name of ['Rina', 'Budi']) {
      await app.$(byTestId('add-persona')).click();
      const input = await app.$(byTestId('persona-name'));
      await input.waitForDisplayed();
      await typeInto(app, input, name, { replace: true });
      await app.$(byTestId('persona-role')).click();
      await eventually(
        async () => query(library(), `SELECT 1 FROM personas WHERE name = '${name}'`).length === 1,
        name,
      );
    }
    const personas = () =>
      Object.fromEntries(
        query(library(), 'SELECT id, name, role, goals, needs, pains FROM personas ORDER BY rank').map(
          (p) => [p.id, p],
        ),
      );
    const [rinaId, budiId] = Object.keys(personas());
    for (const field of ['name', 'role', 'goals', 'needs', 'pains']) {
      for (const mode of MODES) {
        const before = personas();
        const items = await app.$$(byTestId('persona-item'));
        await items[0].click(); // open Rina
        const input = await app.$(byTestId(`persona-${field}`));
        await eventually(
          async () => (await app.$(byTestId('persona-name')).getValue()) === before[rinaId].name,
          'Rina open',
        );
        await input.click();
        const text = ` ${field} ${mode}`;
        await typeAs(app, input, text, mode);
        await (await app.$$(byTestId('persona-item')))[1].click(); // open Budi straight away
        await eventually(
          async () => (await app.$(byTestId('persona-name')).getValue()) === before[budiId].name,
          'Budi open',
        );
        await saved(app);
        const after = personas();
        const what = `${field}, ${mode}`;
        assert.equal(
          after[rinaId][field],
          mode === 'focus only' ? before[rinaId][field] : before[rinaId][field] + text,
          what,
        );
        assert.deepEqual(after[budiId], before[budiId], `Budi changed (${what})`);
        assert.equal(await app.$(byTestId(`persona-${field}`)).getValue(), before[budiId][field], what);
      }
    }
  });
});

test('a 5,000-character paste is stopped by the title field and nothing is lost', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMapWithCards(app, ['Echo']);
    await selectCard(app, 'Echo');
    const body = await app.$(byTestId('inspector-body'));
    await typeInto(app, body, 'Keep this text');
    const title = await app.$(byTestId('inspector-title'));
    await title.click();
    await app.keys(['Control', 'a']);
    // A real paste from the system clipboard.
    const long = 'Panjang '.repeat(625);
    // xclip stays behind to own the selection: no pipes to wait on.
    execFileSync('xclip', ['-selection', 'clipboard'], { input: long, stdio: ['pipe', 'ignore', 'ignore'] });
    await app.keys(['Control', 'v']);
    await eventually(async () => (await title.getValue()).length === 500, 'the field holds 500 characters');
    const count = await app.$(byTestId('inspector-title-count'));
    assert.match(await count.getText(), /500 of 500 characters/);
    assert.match(await count.getText(), /the rest was not added/);
    await app.saveScreenshot(path.join(artifacts, 'paste-limit.png'));
    await body.click(); // leave the title: it saves
    await saved(app);
    const [card] = query(library(), "SELECT title, body FROM cards WHERE body = 'Keep this text'");
    assert.equal(card.title, long.slice(0, 500));
    assert.equal(card.body, 'Keep this text');
    assert.equal((await app.$$(byTestId('toast'))).length, 0, 'no error');
  });
});

test('closing the window leaves one whole library file that can be copied alone', async () => {
  const browser = await ctx.driver.launch();
  try {
    await newMapWithCards(browser, ['Foxtrot', 'Golf']);
    await saved(browser);
    // Text typed a moment before the close, still waiting for its save, is kept too.
    await selectCard(browser, 'Golf');
    const owner = await browser.$(byTestId('inspector-owner'));
    await owner.click();
    await owner.addValue('Tim toko');
    // A normal close, as the user does it.
    closeWindowLikeAUser();
    await eventually(() => !existsSync(`${library()}-wal`), 'the log folded into the file', 15000);
  } finally {
    await ctx.driver.quit(browser).catch(() => {});
  }
  const [golf] = query(library(), "SELECT attrs FROM cards WHERE title = 'Golf'");
  assert.equal(JSON.parse(golf.attrs).owner, 'Tim toko', 'the text typed just before closing');
  const away = path.join(ctx.dir, 'usb');
  mkdirSync(away, { recursive: true });
  const copy = path.join(away, 'moved.jejak');
  copyFileSync(library(), copy);
  const titles = query(copy, 'SELECT title FROM cards ORDER BY title').map((r) => r.title);
  assert.ok(titles.includes('Foxtrot') && titles.includes('Golf'), `the copy holds the cards: ${titles}`);
  // And Jejak opens the copy with every map.
  await ctx.driver.withApp(
    async (app) => {
      await eventually(
        async () => (await app.$$(byTestId('map-row'))).length >= 1,
        'the copied library lists its maps',
        20000,
      );
    },
    ['--library', copy],
  );
});
