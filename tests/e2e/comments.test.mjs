// Comments on the real app: the first comment asks for the user's name once; a thread on a card
// is written, replied to, resolved, reopened and undone; the card's badge says how many in words;
// a stage takes a 5,000-character Arabic comment; the board can show only the cards with open
// comments; the PDF gets a page of open comments; after a restart everything is still there.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  eventually,
  fromMore,
  openMapTitled,
  repo,
  selectCard,
  texts,
  typeInto,
  tickInExport,
  useDriver,
} from './harness.mjs';

const PDF = 'comments.pdf';
const ctx = useDriver('comments', { env: (dir) => ({ JEJAK_EXPORT_SAVE_PATH: path.join(dir, PDF) }) });
const SAVINGS = 'Savings account onboarding';
const CARD = 'Mobile app sign-up';
const QUESTION = 'Is the selfie step required for everyone?';
const ARABIC = 'هل هذه الخطوة ضرورية؟ '.repeat(230).trim();

const badge = (app) => texts(app, `[data-testid="card"][aria-label="${CARD}"] ${byTestId('comment-badge')}`);

async function send(app, testid, text) {
  await typeInto(app, await app.$(byTestId(testid)), text);
  await app.$(byTestId(`${testid}-send`)).click();
}

test('a card thread is written, replied to, resolved, reopened, undone, filtered, printed and kept', async () => {
  const library = path.join(ctx.dir, 'library.jejak');
  execFileSync(path.join(repo, 'target/debug/examples/sample_library'), [library]);
  const args = ['--library', library];
  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, SAVINGS);
    await selectCard(app, CARD);

    // The first comment asks for a name once; comments are signed with it.
    await typeInto(app, await app.$(byTestId('author-name')), 'Ayu Lestari');
    await app.$(byTestId('author-save')).click();
    await app.$(byTestId('new-comment')).waitForDisplayed();
    await send(app, 'new-comment', QUESTION);
    await eventually(async () => (await badge(app))[0] === '1 open comment', 'the badge in words');
    assert.deepEqual(await texts(app, byTestId('comment-text')), [QUESTION]);
    assert.equal(await app.$(byTestId('new-comment')).getValue(), '', 'the box empties once saved');

    await app.$(byTestId('reply')).click();
    await send(app, 'reply-box', 'Only for new customers; existing ones skip it.');
    await eventually(async () => (await badge(app))[0] === '2 open comments', 'the reply counted');
    const authors = await texts(app, `${byTestId('comment')} strong`);
    assert.deepEqual(authors, ['Ayu Lestari', 'Ayu Lestari']);
    await app.saveScreenshot(path.join(artifacts, 'comments-thread.png'));

    // Unsent text stays with its card: another card's box is empty, and the text is back on return.
    await typeInto(app, await app.$(byTestId('new-comment')), 'Half a thought');
    await selectCard(app, 'Comparison page on the website');
    assert.equal(await app.$(byTestId('new-comment')).getValue(), '');
    await selectCard(app, CARD);
    assert.equal(await app.$(byTestId('new-comment')).getValue(), 'Half a thought');

    // Resolve, reopen, and each of them undone and redone from the toolbar.
    await app.$(byTestId('resolve')).click();
    await eventually(async () => (await badge(app))[0] === '2 resolved comments', 'resolved');
    assert.deepEqual(await texts(app, byTestId('comments-summary')), ['none open']);
    await app.$(byTestId('show-resolved')).click();
    await app.$(byTestId('reopen')).click();
    await eventually(async () => (await badge(app))[0] === '2 open comments', 'reopened');
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await badge(app))[0] === '2 resolved comments', 'undo: resolved again');
    await app.$(byTestId('redo')).click();
    await eventually(async () => (await badge(app))[0] === '2 open comments', 'redo: open again');

    // A stage takes a long comment in Arabic; it is shown folded, with a way to read it all.
    const stages = await app.$$(byTestId('stage'));
    await stages[1].$(byTestId('stage-comments-button')).click();
    const panel = await app.$(byTestId('stage-comments'));
    await panel.waitForDisplayed();
    const box = await panel.$(byTestId('new-comment'));
    await app.execute(
      (el, text) => {
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      box,
      ARABIC,
    );
    await panel.$(byTestId('new-comment-send')).click();
    await eventually(
      async () => (await texts(app, byTestId('stage-open-comments')))[0] === '1',
      'stage count',
    );
    const shown = await panel.$(byTestId('comment-text'));
    assert.equal(await app.execute((el) => el.textContent.length, shown), ARABIC.length);
    assert.ok(await panel.$(byTestId('comment-unfold')).isExisting(), 'a long comment folds');
    await app.saveScreenshot(path.join(artifacts, 'comments-stage-arabic.png'));

    // Only the cards with open comments, then everything again.
    await fromMore(app, 'open-comments-filter');
    await app.keys('Escape');
    await eventually(async () => (await app.$$(byTestId('card'))).length === 1, 'one card shown');
    assert.match(await app.$(byTestId('open-comments-only')).getText(), /the 1 card with open comments/);
    await app.saveScreenshot(path.join(artifacts, 'comments-filter.png'));
    await app.$(byTestId('show-all')).click();
    await eventually(async () => (await app.$$(byTestId('card'))).length > 10, 'every card back');

    // The PDF's page of open comments.
    await app.$(byTestId('export-pdf')).click();
    await tickInExport(app, 'export-comments');
    const go = await app.$(byTestId('export-go'));
    await go.scrollIntoView();
    await go.waitForClickable({ timeout: 20000 });
    await go.click();
    await (await app.$(byTestId('export-done'))).waitForDisplayed({ timeout: 30000 });
    const text = execFileSync('pdftotext', ['-raw', path.join(ctx.dir, PDF), '-'], { encoding: 'utf8' });
    assert.match(text, /Open comments/);
    assert.match(text, /Is the selfie step required for everyone\?/);
    assert.match(text, /Reply — Ayu Lestari/);
    assert.match(text, /The whole stage/);
  }, args);

  // After a restart: the name is remembered, the thread and the stage's comment are there.
  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, SAVINGS);
    await eventually(async () => (await badge(app))[0] === '2 open comments', 'the badge after a restart');
    await selectCard(app, CARD);
    await app.$(byTestId('new-comment')).waitForDisplayed();
    assert.equal(await app.$(byTestId('author-name')).isExisting(), false, 'the name is not asked again');
    assert.equal((await app.$$(byTestId('comment'))).length, 2);
    await app.$(byTestId('comment-delete')).click();
    await eventually(async () => (await badge(app)).length === 0, 'the thread deleted with its reply');
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await app.$$(byTestId('comment'))).length === 2, 'undo brings both back');
  }, args);
});
