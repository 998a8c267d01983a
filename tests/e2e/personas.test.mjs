// Personas and the emotion curve on the real app: add a persona, score three touchpoints (in the
// inspector, by keyboard on the curve, and by dragging a point), see the curve; undo a score.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, selectCard, useDriver, typeInto } from './harness.mjs';

const ctx = useDriver('persona');

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

const scores = (app) =>
  app.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="curve-point"]'), (p) => p.dataset.score),
  );

test('a persona with emotion scores on three touchpoints draws the curve', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'the board');
    // One touchpoint in each of the first three stages (the touchpoints lane is the first row).
    await addCard(app, 0, 'Sees an ad');
    await addCard(app, 2, 'Compares prices');
    await addCard(app, 3, 'Pays online');

    await app.$(byTestId('toggle-personas')).click();
    await app.$(byTestId('add-persona')).click();
    const name = await app.$(byTestId('persona-name'));
    await name.waitForDisplayed();
    await typeInto(app, name, 'Rina', { replace: true });
    await app.$(byTestId('persona-role')).click();
    await eventually(
      async () => (await app.$(byTestId('persona-item')).getText()).includes('Rina'),
      'persona named',
    );

    // Three unscored points wait on the curve.
    await eventually(async () => (await scores(app)).length === 3, 'three points');
    assert.deepEqual(await scores(app), ['', '', '']);

    // 1) In the inspector.
    await selectCard(app, 'Sees an ad');
    await app.$(`${byTestId('inspector-emotion-asIs')} [data-value="1"]`).click();
    await eventually(async () => (await scores(app))[0] === '1', 'score from the inspector');
    // 2) With the keyboard on the curve point (close the side panels to see the board).
    await app.$(byTestId('toggle-personas')).click();
    await app.keys('Escape');
    await app.execute(() => {
      const p = document.querySelectorAll('[data-testid="curve-point"]')[1];
      p.scrollIntoView({ block: 'center', inline: 'center' });
      p.focus();
    });
    await app.keys('ArrowDown');
    await eventually(async () => (await scores(app))[1] === '-1', 'score from the keyboard');
    await app.keys('ArrowDown');
    await eventually(async () => (await scores(app))[1] === '-2', 'lower still');
    // 3) By dragging the third point up.
    const { x, y } = await app.execute(() => {
      const p = document.querySelectorAll('[data-testid="curve-point"]')[2];
      p.scrollIntoView({ block: 'center', inline: 'center' });
      const r = p.querySelector('circle').getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    });
    await app
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .move({ x, y })
      .down()
      .move({ x, y: y - 40, duration: 50 })
      .move({ x, y: y - 80, duration: 50 })
      .up()
      .perform();
    await eventually(async () => (await scores(app))[2] === '2', 'score from dragging');
    assert.equal(await app.$$(byTestId('curve-line-asIs')).length, 1);
    await app.saveScreenshot(path.join(artifacts, 'emotion-curve.png'));

    // Undo takes back the drag only.
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await scores(app))[2] === '', 'drag undone');
    assert.deepEqual((await scores(app)).slice(0, 2), ['1', '-2']);
  });
});
