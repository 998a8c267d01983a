// Present mode on the real app: F5 starts it at the title slide, the keys step through the stages
// to the overview, a card fixed and a card added while presenting are saved and the presentation
// stays on its stage, B blanks the screen, Escape leaves; the edits are there after a restart.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  eventually,
  repo,
  texts,
  typeInto,
  tickInExport,
  useDriver,
  newMap,
  topBarHeight,
  openMapTitled,
} from './harness.mjs';

const ctx = useDriver('present', {
  env: (dir) => ({ JEJAK_EXPORT_SAVE_PATH: path.join(dir, 'as-shown.pdf') }),
});
const step = (app) => app.$(byTestId('present')).getAttribute('data-step');
const slideTitle = (app) => app.$(byTestId('present-stage-title')).getText();

test('present mode steps through the map, follows edits made while presenting, and leaves', async () => {
  execFileSync(path.join(repo, 'target/debug/examples/sample_library'), [
    path.join(ctx.dir, 'library.jejak'),
  ]);
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await app.$(byTestId('card')).waitForDisplayed({ timeout: 20000 });
    assert.ok((await topBarHeight(app)) < 60, 'the toolbar fits one row at 1280 px');

    await app.keys('F5');
    await app.$(byTestId('present')).waitForDisplayed();
    assert.equal(await step(app), 'title');
    assert.equal(await app.$(byTestId('present-map-title')).getText(), 'Savings account onboarding');
    assert.equal(await app.$(byTestId('present-counter')).getText(), '1 / 7');
    await app.saveScreenshot(path.join(artifacts, 'present-title.png'));

    await app.keys('ArrowRight');
    await eventually(async () => (await slideTitle(app)) === 'Awareness', 'the first stage');
    assert.equal(await app.$(byTestId('present-stage-of')).getText(), 'Stage 1 of 5');
    await app.keys('PageDown'); // a clicker's "next"
    await eventually(async () => (await slideTitle(app)) === 'Consideration', 'the second stage');
    const onStage = await step(app);

    // A typo fixed in place: double-click, type, Enter. The slide stays where it was.
    const card = await app.$(`${byTestId('present-card')}[aria-label="Comparison page on the website"]`);
    await card.doubleClick();
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Comparison page on our website', {
      replace: true,
    });
    await app.keys('Enter');
    await eventually(
      async () =>
        (await texts(app, `${byTestId('present-card')} h3`)).includes('Comparison page on our website'),
      'the fixed title on the slide',
    );
    assert.equal(await step(app), onStage);

    // N adds a card to the stage shown.
    await app.keys('n');
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Asks a friend who banks there');
    await app.keys('Enter');
    await eventually(
      async () =>
        (await texts(app, `${byTestId('present-card')} h3`)).includes('Asks a friend who banks there'),
      'the added card on the slide',
    );
    assert.equal(await step(app), onStage);
    await app.saveScreenshot(path.join(artifacts, 'present-stage.png'));

    // The persona filter and the horizon are switched live.
    await app.$(byTestId('present-horizon-toBe')).click();
    assert.equal(await app.$(byTestId('present-horizon-toBe')).getAttribute('aria-pressed'), 'true');
    await app.$(byTestId('present-horizon-both')).click();

    await app.keys('b');
    await app.$(byTestId('present-blank')).waitForDisplayed();
    await app.keys('b');
    await app.$(byTestId('present-blank')).waitForDisplayed({ reverse: true });
    assert.equal(await step(app), onStage);

    await app.keys('End');
    await eventually(async () => (await step(app)) === 'overview', 'the overview');
    assert.equal((await app.$$(`${byTestId('present-overview')} section`)).length, 5);
    await app.saveScreenshot(path.join(artifacts, 'present-overview.png'));
    await app.keys('ArrowLeft');
    await eventually(async () => (await step(app)) !== 'overview', 'back a step');

    await app.keys('Escape');
    await app.$(byTestId('present')).waitForDisplayed({ reverse: true });
    const titles = await texts(app, `${byTestId('card')} h3`);
    assert.ok(titles.includes('Comparison page on our website'));
    assert.ok(titles.includes('Asks a friend who banks there'));
  });

  // Both edits were saved as they were made.
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('open-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('open-map')).click();
    await eventually(async () => {
      const titles = await texts(app, `${byTestId('card')} h3`);
      return (
        titles.includes('Comparison page on our website') && titles.includes('Asks a friend who banks there')
      );
    }, 'both edits after a restart');
  });
});

test('an empty map presents a title and an overview', async () => {
  await ctx.driver.withApp(async (app) => {
    await newMap(app);
    await app.$(byTestId('present-start')).click();
    await app.$(byTestId('present')).waitForDisplayed();
    await app.keys('ArrowRight');
    await app.$(byTestId('present-stage-empty')).waitForDisplayed();
    await app.$(byTestId('present-leave')).click();
    await app.$(byTestId('present')).waitForDisplayed({ reverse: true });
  });
});

test('lanes hidden from the room and a stage shown alone are remembered and presented', async () => {
  // A library of its own, so this test runs alone too.
  const library = path.join(ctx.dir, 'views.jejak');
  execFileSync(path.join(repo, 'target/debug/examples/sample_library'), [library]);
  const args = ['--library', library];
  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, 'Savings account onboarding');
    await app.$(byTestId('card')).waitForDisplayed({ timeout: 20000 });
    await app.$(`${byTestId('lane')}[data-kind="thoughts"] ${byTestId('hide-lane')}`).click();
    const stages = await app.$$(byTestId('stage'));
    await stages[2].$(byTestId('focus-stage')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 1, 'one stage shown');
    assert.ok(!(await app.$(`${byTestId('lane')}[data-kind="thoughts"]`).isExisting()));
    assert.equal(
      await app
        .$(byTestId('view-bar'))
        .getText()
        .then((s) => s.split('.')[0]),
      'Showing only “Purchase”',
    );
    await app.saveScreenshot(path.join(artifacts, 'view-focused.png'));

    // On request the PDF prints the map as the board shows it.
    await app.$(byTestId('export-pdf')).click();
    await tickInExport(app, 'export-as-shown');
    // The preview follows the choice before the export starts.
    await eventually(
      async () => /map at/.test(await app.$(byTestId('export-summary')).getText()),
      'the preview of the view',
    );
    const go = await app.$(byTestId('export-go'));
    await go.scrollIntoView();
    await go.waitForClickable();
    await go.click();
    await (await app.$(byTestId('export-done'))).waitForDisplayed({ timeout: 30000 });
    const text = execFileSync('pdftotext', ['-raw', path.join(ctx.dir, 'as-shown.pdf'), '-'], {
      encoding: 'utf8',
    });
    assert.match(text, /Purchase/);
    assert.match(text, /Mobile app sign-up/);
    assert.doesNotMatch(text, /Awareness|Instagram reel|Thoughts/);
  }, args);

  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, 'Savings account onboarding');
    await app.$(byTestId('view-bar')).waitForDisplayed({ timeout: 20000 });
    assert.equal((await app.$$(byTestId('stage'))).length, 1);
    await app.keys('F5');
    await app.$(byTestId('present')).waitForDisplayed();
    assert.equal(await app.$(byTestId('present-counter')).getText(), '1 / 3');
    await app.keys('ArrowRight');
    await eventually(async () => (await slideTitle(app)) === 'Purchase', 'the focused stage');
    assert.equal(await app.$(byTestId('present-stage-of')).getText(), 'Stage 1 of 1');
    await app.keys('Escape');
    await app.$(byTestId('show-all')).click();
    await eventually(async () => (await app.$$(byTestId('stage'))).length === 5, 'every stage again');
    assert.ok(await app.$(`${byTestId('lane')}[data-kind="thoughts"]`).isExisting());
  }, args);
});
