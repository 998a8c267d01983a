// Linked maps on the real app: a card links to another map of the library (chosen in the
// inspector), shows the target's title, opens it with a way back, and says so when the target
// was moved to the trash. The library search finds a map by the text of its cards.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts,
  byTestId,
  choose,
  eventually,
  repo,
  selectCard,
  texts,
  useDriver,
  openMapTitled,
} from './harness.mjs';

const ctx = useDriver('links');
const SAVINGS = 'Savings account onboarding';
const DETAIL = 'Perjalanan nasabah tabungan';

test('a card links to another map, opens it, comes back, and says when the map is in the trash', async () => {
  execFileSync(path.join(repo, 'target/debug/examples/sample_library'), [
    path.join(ctx.dir, 'library.jejak'),
  ]);
  await ctx.driver.withApp(async (app) => {
    await openMapTitled(app, SAVINGS);
    await selectCard(app, 'Mobile app sign-up');
    const detailId = await app.execute(
      (title) =>
        Array.from(document.querySelectorAll('[data-testid="inspector-link"] option')).find(
          (o) => o.textContent.trim() === title,
        )?.value,
      DETAIL,
    );
    assert.ok(detailId, 'the other map is offered');
    await choose(app, app.$(byTestId('inspector-link')), detailId);
    const link = await app.$(byTestId('card-link'));
    await link.waitForDisplayed();
    assert.deepEqual(await texts(app, byTestId('card-link')), [DETAIL]);
    await app.saveScreenshot(path.join(artifacts, 'card-link.png'));

    await link.click();
    await eventually(
      async () => (await texts(app, byTestId('map-title')))[0] === DETAIL,
      'the linked map open',
    );
    const back = await app.$(byTestId('back-to-linking'));
    assert.deepEqual(await texts(app, byTestId('back-to-linking')), [`Back to “${SAVINGS}”`]);
    await back.click();
    await eventually(
      async () => (await texts(app, byTestId('map-title')))[0] === SAVINGS,
      'back on the first map',
    );
    assert.equal(await app.$(byTestId('back-to-linking')).isExisting(), false);

    // The linked map goes to the trash: the card says so instead of failing.
    await app.$(byTestId('back')).click();
    const row = await app.$(`${byTestId('map-row')}*=${DETAIL}`);
    await row.waitForDisplayed();
    await row.$(byTestId('trash-map')).click();
    await eventually(async () => !(await app.$(`${byTestId('map-row')}*=${DETAIL}`).isExisting()), 'trashed');

    // The library search finds a map by a card's text and names the card.
    await app.$(byTestId('search')).addValue('selfie');
    await eventually(
      async () =>
        (await texts(app, byTestId('found-in-card')))[0] === 'Found in a card: “Mobile app sign-up”',
      "the map found by a card's text",
    );
    await openMapTitled(app, SAVINGS);
    const broken = await app.$(byTestId('card-link-broken'));
    await broken.waitForDisplayed();
    assert.deepEqual(await texts(app, byTestId('card-link-broken')), [
      `Linked map “${DETAIL}” is in the trash`,
    ]);
  });
});
