// Two facilitators, one map, on the real app: Budi takes the map as a file to his library and
// edits it, Ana edits hers; Ana opens Budi's file and merges. Both cards are there, the title
// both changed is listed as a conflict with the other version one click away, and the merge is
// one undo step.
import { strict as assert } from "node:assert";
import path from "node:path";
import { test } from "node:test";
import {
  artifacts,
  byTestId,
  eventually,
  selectCard,
  texts,
  typeInto,
  useDriver,
} from "./harness.mjs";

const ctx = useDriver("merge", {
  env: (dir) => ({
    JEJAK_SAVE_MAP_FILE_PATH: path.join(dir, "workshop.jejak"),
    JEJAK_OPEN_MAP_FILE_PATH: path.join(dir, "workshop.jejak"),
  }),
});
const budi = () => ["--library", path.join(ctx.dir, "budi.jejak")];

async function addCard(app, title) {
  await app.$$(byTestId("add-card"))[0].waitForClickable();
  await app.$$(byTestId("add-card"))[0].click();
  await typeInto(app, await app.$(byTestId("card-title-input")), title);
  await app.keys("Enter");
  await eventually(
    async () => (await texts(app, byTestId("card-title"))).includes(title),
    title,
  );
}

async function retitle(app, from, to) {
  await selectCard(app, from);
  await typeInto(app, await app.$(byTestId("inspector-title")), to, {
    replace: true,
  });
  await app.keys("Tab");
  await eventually(
    async () => (await texts(app, byTestId("card-title"))).includes(to),
    to,
  );
  await eventually(
    async () =>
      (await app.$(byTestId("save-state")).getAttribute("data-state")) ===
      "saved",
    "saved",
  );
}

async function exportMapFile(app) {
  await app.$(byTestId("export-pdf")).click();
  await app.$(byTestId("export-map-file")).click();
  await eventually(
    async () => /Map file saved/.test(await app.$(byTestId("toast")).getText()),
    "saved",
  );
}

const cardTitles = (app) => texts(app, byTestId("card-title"));

test("a diverged map file merges: both sides kept, the conflict listed, the merge one undo step", async () => {
  // Ana makes the map and hands it on as a file.
  await ctx.driver.withApp(async (app) => {
    await (
      await app.$(byTestId("new-map"))
    ).waitForClickable({ timeout: 20000 });
    await app.$(byTestId("new-map")).click();
    await typeInto(app, await app.$(byTestId("new-map-title")), "Workshop map");
    await app.$(byTestId("create-map")).click();
    await addCard(app, "Shared card");
    await exportMapFile(app);
  });

  // Budi, in his own library: brings it in, renames the shared card, adds his own, hands it back.
  await ctx.driver.withApp(async (app) => {
    await (
      await app.$(byTestId("open-map-file"))
    ).waitForClickable({ timeout: 20000 });
    await app.$(byTestId("open-map-file")).click();
    await eventually(
      async () => (await app.$$(byTestId("map-row"))).length === 1,
      "the map",
    );
    await app.$(byTestId("open-map")).click();
    await retitle(app, "Shared card", "Budi's title");
    await addCard(app, "Budi's card");
    await exportMapFile(app);
  }, budi());

  // Ana, meanwhile, renamed it too and added hers; then she opens Budi's file.
  await ctx.driver.withApp(async (app) => {
    await (
      await app.$(byTestId("open-map"))
    ).waitForClickable({ timeout: 20000 });
    await app.$(byTestId("open-map")).click();
    await retitle(app, "Shared card", "Ana's title");
    await addCard(app, "Ana's card");
    await app.$(byTestId("back")).click();

    await (await app.$(byTestId("open-map-file"))).waitForClickable();
    await app.$(byTestId("open-map-file")).click();
    await app.$(byTestId("import-dialog")).waitForDisplayed();
    // The library has this map: merging is offered first, beside keep both and replace.
    assert.equal(await app.$(byTestId("import-merge")).isSelected(), true);
    assert.equal(await app.$(byTestId("import-keep-both")).isSelected(), false);
    await app.saveScreenshot(path.join(artifacts, "merge-choice.png"));
    await app.$(byTestId("import-go")).click();

    // The merged map opens: every card of both sides, Ana's later title kept.
    await eventually(
      async () => (await cardTitles(app)).includes("Budi's card"),
      "the merged map",
    );
    assert.deepEqual((await cardTitles(app)).sort(), [
      "Ana's card",
      "Ana's title",
      "Budi's card",
    ]);
    assert.match(
      await app.$(byTestId("toast")).getText(),
      /merged: 2 edits from the file · 1 conflict/,
    );

    // The conflict: in its panel, and marked on the card.
    const panel = await app.$(byTestId("conflicts-panel"));
    await panel.waitForDisplayed();
    const conflict = await app.$(byTestId("conflict"));
    assert.match(await conflict.getText(), /Card “Ana's title”/);
    assert.match(await conflict.getText(), /Both changed the title/);
    assert.match(
      await app.$(byTestId("conflict-ours")).getText(),
      /This library\s*Kept\s*Ana's title/,
    );
    assert.match(
      await app.$(byTestId("conflict-theirs")).getText(),
      /The other copy\s*Budi's title/,
    );
    assert.equal((await app.$$(byTestId("card-conflict"))).length, 1);
    assert.match(
      await app.$(byTestId("conflicts-button")).getAttribute("aria-label"),
      /1 conflict from merging/,
    );
    assert.equal(await app.$(byTestId("conflicts-button")).getText(), "⚠ 1");
    await app.saveScreenshot(path.join(artifacts, "merge-conflicts.png"));

    // The merge is one undo step: undone, Budi's edits and the conflict go; redone, they are back.
    await app.$(byTestId("undo")).click();
    await eventually(
      async () => !(await cardTitles(app)).includes("Budi's card"),
      "the merge undone",
    );
    assert.deepEqual((await cardTitles(app)).sort(), [
      "Ana's card",
      "Ana's title",
    ]);
    await eventually(
      async () => (await app.$$(byTestId("conflicts-panel"))).length === 0,
      "no conflicts",
    );
    assert.equal((await app.$$(byTestId("card-conflict"))).length, 0);
    await app.$(byTestId("redo")).click();
    await eventually(
      async () => (await cardTitles(app)).includes("Budi's card"),
      "the merge redone",
    );
    await eventually(
      async () => (await app.$$(byTestId("card-conflict"))).length === 1,
      "the mark again",
    );

    // Budi's version of the title, one click away; the conflict is settled.
    await app.$(byTestId("conflicts-button")).click();
    await app.$(byTestId("conflict-use-other")).waitForClickable();
    await app.$(byTestId("conflict-use-other")).click();
    await eventually(
      async () => (await cardTitles(app)).includes("Budi's title"),
      "the other version",
    );
    await eventually(
      async () => (await app.$$(byTestId("conflicts-button"))).length === 0,
      "settled",
    );
    assert.equal((await app.$$(byTestId("card-conflict"))).length, 0);
  });

  // Restarted: the merge is kept, and the same file again brings nothing new.
  await ctx.driver.withApp(async (app) => {
    await (
      await app.$(byTestId("open-map-file"))
    ).waitForClickable({ timeout: 20000 });
    await app.$(byTestId("open-map-file")).click();
    await app.$(byTestId("import-go")).click();
    await eventually(
      async () =>
        /already has every edit in this file/.test(
          await app.$(byTestId("toast")).getText(),
        ),
      "nothing new",
    );
    await app.$(byTestId("open-map")).click();
    await eventually(
      async () => (await cardTitles(app)).length === 3,
      "the cards",
    );
    assert.deepEqual((await cardTitles(app)).sort(), [
      "Ana's card",
      "Budi's card",
      "Budi's title",
    ]);
  });
});
