// Touchpoint attributes on the real app: set in the inspector, shown on the card with words and
// shapes (not colour alone), undoable.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  eventually,
  selectCard,
  useDriver,
  typeInto,
  choose,
  fromMore,
} from './harness.mjs';

const ctx = useDriver('attrs');

test('kind, channel and moment of truth are set in the inspector, shown on the card, and undone', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('create-map')).click();
    await app.$$(byTestId('add-card'))[0].waitForClickable();
    await app.$$(byTestId('add-card'))[0].click();
    await typeInto(app, await app.$(byTestId('card-title-input')), 'Checkout page');
    await app.keys('Enter');
    await selectCard(app, 'Checkout page');

    await app.$(`${byTestId('inspector-kind')} [data-value="digital"]`).click();
    await choose(app, app.$(byTestId('inspector-channel')), 'website');
    await app.$(byTestId('inspector-mot')).click();
    await eventually(
      async () => (await app.$$(byTestId('marker-mot'))).length === 1,
      'the moment-of-truth marker',
    );
    assert.equal(await app.$(byTestId('marker-kind')).getText(), 'Digital');
    assert.equal(await app.$(byTestId('marker-channel')).getText(), 'Website');
    await typeInto(app, await app.$(byTestId('inspector-owner')), 'Web team');
    await app.$(byTestId('inspector-tags')).click(); // leaving the owner field saves it
    await eventually(
      async () => (await app.$(byTestId('card-markers')).getText()).includes('@Web team'),
      'owner',
    );
    await app.saveScreenshot(path.join(artifacts, 'attributes.png'));

    // Each choice was its own step: undo the owner, then the moment of truth.
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => !(await app.$(byTestId('card-markers')).getText()).includes('@Web team'),
      'owner undone',
    );
    await app.$(byTestId('undo')).click();
    await eventually(
      async () => (await app.$$(byTestId('marker-mot'))).length === 0,
      'moment of truth undone',
    );
    assert.equal(await app.$(byTestId('marker-channel')).getText(), 'Website');
  });
});

test('a service blueprint draws the line of visibility; lane kinds can be changed', async () => {
  await ctx.driver.withApp(async (app) => {
    await (await app.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('template-serviceBlueprint')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(async () => (await app.$$(byTestId('lane'))).length === 5, 'the blueprint lanes');
    const kinds = await app.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="lane"]'), (l) => l.dataset.kind),
    );
    assert.deepEqual(kinds, ['touchpoints', 'actions', 'frontstage', 'backstage', 'support']);
    const visibility = () =>
      app.execute(() =>
        Array.from(document.querySelectorAll('[data-testid="lane"].visibility'), (l) => l.dataset.kind),
      );
    assert.deepEqual(await visibility(), ['backstage']);
    await app.saveScreenshot(path.join(artifacts, 'service-blueprint.png'));

    // Turning the frontstage lane into notes removes the line; undo restores it.
    await choose(app, app.$$(byTestId('lane-kind'))[2], 'notes');
    await eventually(async () => (await visibility()).length === 0, 'no line without a frontstage lane');
    await app.$(byTestId('undo')).click();
    await eventually(async () => (await visibility()).length === 1, 'the line back after undo');
  });
});

test('the overview lists pain points and opportunities by priority and jumps to a card', async () => {
  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$$(byTestId('open-map'))).length === 2, 'the library');
    const titles = await app.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="open-map"]'), (b) => b.textContent.trim()),
    );
    await app.$$(byTestId('open-map'))[titles.indexOf('Customer journey')].click();
    await eventually(async () => (await app.$$(byTestId('lane'))).length === 6, 'the journey board');
    const laneIndex = (kind) =>
      app.execute(
        (k) =>
          Array.from(document.querySelectorAll('[data-testid="lane"]'), (l) => l.dataset.kind).indexOf(k),
        kind,
      );
    const stages = (await app.$$(byTestId('stage'))).length;
    const addIn = async (kind, stage, title, priority) => {
      const cell = (await app.$$(byTestId('cell')))[(await laneIndex(kind)) * stages + stage];
      await cell.scrollIntoView({ block: 'center' });
      await cell.$(byTestId('add-card')).waitForClickable();
      await cell.$(byTestId('add-card')).click();
      await app.$(byTestId('card-title-input')).waitForDisplayed();
      await typeInto(app, await app.$(byTestId('card-title-input')), title);
      await app.keys('Enter');
      await eventually(
        async () =>
          await app.execute(
            (t) =>
              [...document.querySelectorAll('[data-testid="card-title"]')].some(
                (e) => e.textContent.trim() === t,
              ),
            title,
          ),
        title,
      );
      await app.execute((t) => {
        const el = [...document.querySelectorAll('[data-testid="card"]')].find(
          (c) => c.querySelector('[data-testid="card-title"]').textContent.trim() === t,
        );
        el.scrollIntoView({ block: 'center' });
      }, title);
      await selectCard(app, title);
      await choose(app, app.$(byTestId('inspector-priority')), priority);
      await eventually(async () => (await app.$$(byTestId('marker-priority'))).length > 0, 'priority marker');
    };
    await addIn('painPoints', 0, 'Slow sign-up', 'low');
    await addIn('opportunities', 1, 'One-tap login', 'high');

    await app.keys('Escape');
    await fromMore(app, 'show-overview');
    await app.$(byTestId('overview')).waitForDisplayed();
    const order = () =>
      app.execute(() =>
        Array.from(document.querySelectorAll('[data-testid="overview-row"] .link'), (b) =>
          b.textContent.trim(),
        ),
      );
    assert.deepEqual(await order(), ['One-tap login', 'Slow sign-up']);
    await app.$(byTestId('sort-stage')).click();
    assert.deepEqual(await order(), ['Slow sign-up', 'One-tap login']);
    await app.saveScreenshot(path.join(artifacts, 'overview.png'));
    const link = (await app.$$('[data-testid="overview-row"] .link'))[1];
    await link.click();
    await eventually(
      async () => (await app.$(byTestId('inspector-title')).getValue()) === 'One-tap login',
      'jumped',
    );
  });
});
