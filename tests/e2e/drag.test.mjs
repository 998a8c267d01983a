// Dragging touchpoints between stages on the real app, with the mouse (WebDriver pointer actions)
// and with the keyboard; a multi-card drag is one undo step; moves survive a restart.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { artifacts, byTestId, eventually, selectCard, texts, useDriver, typeInto } from './harness.mjs';

const ctx = useDriver('drag');

/** Stage index (0-based) and lane index of the card titled `title`, or null. */
function placeOf(app, title) {
  return app.execute((wanted) => {
    const stages = Array.from(document.querySelectorAll('[data-testid="stage"]'), (s) => s.dataset.stageId);
    const lanes = Array.from(document.querySelectorAll('[data-testid="lane"]'), (l) => l.dataset.laneId);
    for (const card of document.querySelectorAll('[data-testid="card"]')) {
      if (card.querySelector('[data-testid="card-title"]')?.textContent.trim() !== wanted) continue;
      const cell = card.closest('[data-testid="cell"]');
      return [stages.indexOf(cell.dataset.stageId), lanes.indexOf(cell.dataset.laneId)];
    }
    return null;
  }, title);
}

async function cellAt(app, stage, lane) {
  const cells = await app.$$(byTestId('cell'));
  const stageCount = (await app.$$(byTestId('stage'))).length;
  return cells[lane * stageCount + stage];
}

async function addCard(app, stage, lane, title) {
  const cell = await cellAt(app, stage, lane);
  await cell.$(byTestId('add-card')).click();
  await typeInto(app, await app.$(byTestId('card-title-input')), title);
  await app.keys('Enter');
  await eventually(async () => (await placeOf(app, title)) !== null, `card ${title}`);
  // The editor is taller than the card it becomes: wait for the board to settle before clicking.
  await eventually(async () => (await app.$$(byTestId('card-editor'))).length === 0, 'the editor closed');
}

async function cardEl(app, title) {
  for (const el of await app.$$(byTestId('card'))) {
    if ((await el.$(byTestId('card-title')).getText()) === title) return el;
  }
  throw new Error(`no card ${title}`);
}

/** Presses on `from`, moves in steps past the drag threshold to the middle of `to`, releases. */
async function dragTo(app, from, to) {
  const start = await from.getLocation();
  const size = await from.getSize();
  const end = await to.getLocation();
  const endSize = await to.getSize();
  const x0 = Math.round(start.x + size.width / 2);
  const y0 = Math.round(start.y + Math.min(size.height / 2, 20));
  const x1 = Math.round(end.x + endSize.width / 2);
  const y1 = Math.round(end.y + endSize.height - 10);
  const pointer = app
    .action('pointer', { parameters: { pointerType: 'mouse' } })
    .move({ x: x0, y: y0 })
    .down();
  for (let i = 1; i <= 8; i++) {
    pointer.move({
      x: Math.round(x0 + ((x1 - x0) * i) / 8),
      y: Math.round(y0 + ((y1 - y0) * i) / 8),
      duration: 20,
    });
  }
  await pointer.up().perform();
}

/** Ctrl+click: one WebDriver actions call, so Control is held during the click's ticks. */
async function ctrlClick(app, el) {
  const loc = await el.getLocation();
  const size = await el.getSize();
  const x = Math.round(loc.x + size.width / 2);
  const y = Math.round(loc.y + Math.min(size.height / 2, 20));
  await app.actions([
    app.action('key').down(Key.Ctrl).pause(0).pause(0).pause(0).up(Key.Ctrl),
    app
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .pause(0)
      .move({ x, y })
      .down()
      .up()
      .pause(0),
  ]);
}

test('drag a touchpoint from the first stage to the third; it stays there after a restart; undo puts it back', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
    await addCard(app, 0, 0, 'Reads a review');
    await dragTo(app, await cardEl(app, 'Reads a review'), await cellAt(app, 2, 0));
    await eventually(async () => (await placeOf(app, 'Reads a review'))?.[0] === 2, 'the card in Purchase');
    assert.deepEqual(await placeOf(app, 'Reads a review'), [2, 0]);
    await app.saveScreenshot(path.join(artifacts, 'after-drag.png'));
  });

  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$$(byTestId('open-map'))).length === 1, 'the library');
    await app.$(byTestId('open-map')).click();
    await eventually(
      async () => (await placeOf(app, 'Reads a review'))?.[0] === 2,
      'the card still in Purchase',
    );
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => (await placeOf(app, 'Reads a review'))?.[0] === 0,
      'the card back in Awareness',
    );
  });
});

test('move a card with the keyboard, and drag two selected cards as one undo step', async () => {
  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$$(byTestId('open-map'))).length === 1, 'the library');
    await app.$(byTestId('open-map')).click();
    await eventually(async () => (await placeOf(app, 'Reads a review')) !== null, 'the card');

    // Keyboard: select the card, Alt+→ moves it one stage right, Alt+↓ one lane down.
    await selectCard(app, 'Reads a review');
    await app.keys(['Alt', 'ArrowRight']);
    await eventually(
      async () => (await placeOf(app, 'Reads a review'))?.[0] === 1,
      'moved right by keyboard',
    );
    await app.keys(['Alt', 'ArrowDown']);
    await eventually(async () => (await placeOf(app, 'Reads a review'))?.[1] === 1, 'moved down by keyboard');

    // Two cards selected with Ctrl-click, dragged together to the fourth stage.
    await addCard(app, 0, 0, 'Sees a billboard');
    await selectCard(app, 'Reads a review');
    await ctrlClick(app, await cardEl(app, 'Sees a billboard'));
    assert.equal(await app.$$('[data-selected="true"]').length, 2);
    await dragTo(app, await cardEl(app, 'Sees a billboard'), await cellAt(app, 3, 2));
    await eventually(
      async () =>
        JSON.stringify([await placeOf(app, 'Reads a review'), await placeOf(app, 'Sees a billboard')]) ===
        JSON.stringify([
          [3, 2],
          [3, 2],
        ]),
      'both cards in Retention × Thoughts',
    );
    await app.saveScreenshot(path.join(artifacts, 'after-group-drag.png'));

    // One undo step puts both back.
    await app.$(byTestId('undo')).click();
    await eventually(
      async () =>
        JSON.stringify([await placeOf(app, 'Reads a review'), await placeOf(app, 'Sees a billboard')]) ===
        JSON.stringify([
          [1, 1],
          [0, 0],
        ]),
      'both cards back after one undo',
    );
  });
});

test('the inspector saves as you type in one undo step; stages reorder by keyboard; ? shows the shortcuts', async () => {
  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$$(byTestId('open-map'))).length === 1, 'the library');
    await app.$(byTestId('open-map')).click();
    await eventually(async () => (await placeOf(app, 'Reads a review')) !== null, 'the card');

    await selectCard(app, 'Reads a review');
    const title = await app.$(byTestId('inspector-title'));
    await title.waitForDisplayed();
    await title.click();
    await title.addValue(' twice');
    await new Promise((r) => setTimeout(r, 700)); // a pause in typing saves
    await eventually(async () => (await placeOf(app, 'Reads a review twice')) !== null, 'saved while typing');
    await title.addValue(' more');
    await app.$(byTestId('inspector-body')).click(); // leaving the field saves the rest
    await eventually(
      async () => (await placeOf(app, 'Reads a review twice more')) !== null,
      'saved on leave',
    );
    await app.saveScreenshot(path.join(artifacts, 'inspector.png'));
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => (await placeOf(app, 'Reads a review')) !== null,
      'one undo restores the title',
    );

    // Stage reorder with the keyboard on the first stage's grip.
    const stageTitles = () => texts(app, byTestId('stage-title'));
    await app.$$(byTestId('stage-grip'))[0].click();
    await app.keys('ArrowRight');
    await eventually(async () => (await stageTitles())[0] === 'Consideration', 'Awareness moved right');
    assert.equal((await stageTitles())[1], 'Awareness');
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await stageTitles())[0] === 'Awareness', 'stage order restored');

    await app.$(byTestId('board')).click();
    await app.keys('?');
    await app.$(byTestId('shortcut-sheet')).waitForDisplayed();
    await app.saveScreenshot(path.join(artifacts, 'shortcuts.png'));
    await app.keys('Escape');
    await app.$(byTestId('shortcut-sheet')).waitForDisplayed({ reverse: true });
  });
});
