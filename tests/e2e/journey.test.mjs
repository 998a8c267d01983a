// The spine, end to end on the real app: create a map from a template, add and edit a card,
// quit, relaunch, find it, undo it; delete a stage with cards; switch language and keep it.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, byTestId, eventually, useDriver, texts, typeInto, choose } from './harness.mjs';

const ctx = useDriver('journey');

async function cardTitles(browser) {
  return texts(browser, byTestId('card-title'));
}

async function savedState(browser) {
  await eventually(
    async () => (await browser.$(byTestId('save-state')).getAttribute('data-state')) === 'saved',
    'the edit to be saved',
  );
}

test('a map made from a template keeps its cards across a restart, and undo still works', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('template-customerJourney')).click();
    await app.$(byTestId('new-map-title')).setValue('Onboarding journey');
    await app.$(byTestId('create-map')).click();

    await eventually(async () => (await texts(app, byTestId('stage-title'))).length === 5, 'five stages');
    assert.deepEqual(await texts(app, byTestId('stage-title')), [
      'Awareness',
      'Consideration',
      'Purchase',
      'Retention',
      'Advocacy',
    ]);
    const lanes = await texts(app, byTestId('lane-title'));
    for (const lane of ['Touchpoints', 'Customer actions', 'Emotions', 'Pain points', 'Opportunities']) {
      assert.ok(lanes.includes(lane), `lane ${lane} in ${lanes}`);
    }

    // A stage's title is text until clicked; typing and Enter rename it.
    await app.$$(byTestId('stage-title'))[4].click();
    const field = await app.$(`input[data-testid="stage-title"]`);
    await field.waitForDisplayed({ timeout: 5000 });
    assert.ok(await field.isFocused(), 'the clicked title is a focused text field');
    await app.keys(['Control', 'a']);
    await field.addValue('Loyalty');
    await app.keys('Enter');
    await eventually(
      async () => (await texts(app, byTestId('stage-title')))[4] === 'Loyalty',
      'the renamed stage',
    );
    assert.equal((await app.$$(`input[data-testid="stage-title"]`)).length, 0, 'the title is text again');

    // Add a card in the first cell (Awareness × Touchpoints).
    await app.$$(byTestId('add-card'))[0].click();
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Sees an Instagram ad');
    await typeInto(app, await app.$(byTestId('card-body-input')), '<img src=x onerror=alert(1)>');
    await app.keys('Enter');
    await eventually(async () => (await cardTitles(app)).includes('Sees an Instagram ad'), 'the new card');
    // User text is shown as text, never as markup.
    assert.equal(await app.$(byTestId('card-body')).getText(), '<img src=x onerror=alert(1)>');
    assert.equal(await app.execute(() => document.querySelectorAll('[data-testid="card"] img').length), 0);

    // Edit it in place, once the board has settled after the editor closed.
    await eventually(async () => (await app.$$(byTestId('card-editor'))).length === 0, 'the editor closed');
    await app.$(byTestId('card')).doubleClick();
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Sees an Instagram reel', {
      replace: true,
    });
    await app.keys('Enter');
    await eventually(
      async () => (await cardTitles(app)).includes('Sees an Instagram reel'),
      'the edited card',
    );
    await savedState(app);
    await app.saveScreenshot(path.join(artifacts, 'board.png'));
  });

  // Relaunch: the library lists the map; the card is there as left.
  await ctx.driver.withApp(async (app) => {
    await eventually(
      async () => (await texts(app, byTestId('open-map'))).includes('Onboarding journey'),
      'the map in the library',
    );
    await app.$(byTestId('open-map')).click();
    await eventually(
      async () => (await cardTitles(app)).includes('Sees an Instagram reel'),
      'the card after restart',
    );
    assert.equal((await texts(app, byTestId('stage-title')))[4], 'Loyalty');

    // Undo survives the restart: the edit, then the creation; redo brings the card back.
    await app.$(byTestId('board')).click();
    await app.keys(['Control', 'z']);
    await eventually(
      async () => (await cardTitles(app)).includes('Sees an Instagram ad'),
      'undo of the edit',
    );
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await cardTitles(app)).length === 0, 'undo of the creation');
    await app.keys(['Control', 'Shift', 'z']);
    await eventually(async () => (await cardTitles(app)).length === 1, 'redo of the creation');
    await savedState(app);
  });
});

test('deleting a stage with cards asks first and can be undone', async () => {
  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await texts(app, byTestId('open-map'))).length > 0, 'the library');
    await app.$(byTestId('open-map')).click();
    await eventually(async () => (await cardTitles(app)).length === 1, 'the card');

    await app.$$(byTestId('delete-stage'))[0].click();
    const message = await app.$(byTestId('confirm-message'));
    await message.waitForDisplayed();
    // One card, in the singular.
    assert.match(await message.getText(), /“Awareness” and its 1 card\?/);
    await app.$(byTestId('confirm')).click();
    await eventually(
      async () => (await texts(app, byTestId('stage-title')))[0] === 'Consideration',
      'the stage gone',
    );
    assert.equal((await cardTitles(app)).length, 0);

    await app.$(byTestId('undo')).click();
    await eventually(
      async () => (await texts(app, byTestId('stage-title')))[0] === 'Awareness',
      'the stage back',
    );
    assert.deepEqual(await cardTitles(app), ['Sees an Instagram ad']);
    await savedState(app);
  });
});

test('the interface language can be switched and is remembered', async () => {
  await ctx.driver.withApp(async (app) => {
    const select = await app.$(byTestId('language'));
    await select.waitForDisplayed({ timeout: 20000 });
    await choose(app, select, 'id');
    await eventually(async () => (await app.$('h1').getText()) === 'Peta Anda', 'Indonesian heading');
  });

  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$('h1').getText()) === 'Peta Anda', 'Indonesian after restart');
    assert.equal(await app.$(byTestId('new-map')).getText(), '+ Peta baru');
    await app.saveScreenshot(path.join(artifacts, 'library-id.png'));
    await choose(app, app.$(byTestId('language')), 'en');
    await eventually(async () => (await app.$('h1').getText()) === 'Your maps', 'English again');
  });
});
