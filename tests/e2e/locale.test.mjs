// The OS locale picks the interface language on first start.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { byTestId, eventually, texts, useDriver } from './harness.mjs';

const ctx = useDriver('id', { lang: 'id_ID.UTF-8' });

test('an Indonesian system starts Jejak in Bahasa Indonesia, templates included', async () => {
  await ctx.driver.withApp(async (app) => {
    await eventually(async () => (await app.$('h1').getText()) === 'Peta Anda', 'the Indonesian library');
    await app.$(byTestId('new-map')).click();
    await app.$(byTestId('template-purchasePhases')).click();
    await app.$(byTestId('create-map')).click();
    await eventually(
      async () =>
        (await texts(app, byTestId('stage-title'))).join('|') ===
        'Pra-pembelian|Pembelian|Pasca-pembelian|Layanan & dukungan',
      'the Indonesian stages',
    );
    assert.deepEqual(await texts(app, byTestId('map-title')), ['Titik sentuh per fase pembelian']);
  });
});
