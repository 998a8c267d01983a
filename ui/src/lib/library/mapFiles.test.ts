import { describe, expect, it } from 'vitest';
import type { MapFileInfo, MapSummary } from '../ipc';
import { importedWords, initialPicks, needsNoQuestion, picksToSend } from './mapFiles';

const summary = (id: string, title: string): MapSummary => ({
  id,
  title,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  stageCount: 4,
  cardCount: 12,
  foundInCard: null,
});
const info = (maps: [string, boolean][], canMerge = false): MapFileInfo => ({
  path: '/tmp/x.jejak',
  maps: maps.map(([title, inLibrary], i) => ({ map: summary(`m${i}`, title), inLibrary })),
  canMerge,
});

describe('how the maps of a file come in', () => {
  it('brings one new map in without a question', () => {
    const file = info([['Checkout', false]]);
    expect(needsNoQuestion(file)).toBe(true);
    expect(picksToSend(initialPicks(file))).toEqual([{ mapId: 'm0', choice: { how: 'new' } }]);
  });

  it('asks about a map the library has, keeping both unless the user says replace', () => {
    const file = info([['Checkout', true]]);
    expect(needsNoQuestion(file)).toBe(false);
    const picks = initialPicks(file);
    expect(picksToSend(picks)).toEqual([{ mapId: 'm0', choice: { how: 'copy', title: 'Copy of Checkout' } }]);
    picks[0]!.onConflict = 'replace';
    expect(picksToSend(picks)).toEqual([{ mapId: 'm0', choice: { how: 'replace' } }]);
  });

  it('offers merging first when the file carries its edit history', () => {
    const picks = initialPicks(info([['Checkout', true]], true));
    expect(picksToSend(picks)).toEqual([{ mapId: 'm0', choice: { how: 'merge' } }]);
    picks[0]!.onConflict = 'copy';
    expect(picksToSend(picks)[0]?.choice).toEqual({ how: 'copy', title: 'Copy of Checkout' });
  });

  it('says what a merge brought, in words with plurals', () => {
    const report = (received: number, conflicts: number) => ({
      received,
      keptOurs: 1,
      conflicts: Array.from({ length: conflicts }, () => ({}) as never),
    });
    const map = summary('m0', 'Checkout');
    expect(importedWords([{ map, merged: report(1, 0) }])).toBe('“Checkout” merged: 1 edit from the file');
    expect(importedWords([{ map, merged: report(3, 2) }])).toBe(
      '“Checkout” merged: 3 edits from the file · 2 conflicts',
    );
    expect(importedWords([{ map, merged: report(0, 0) }])).toBe(
      '“Checkout” already has every edit in this file',
    );
    expect(importedWords([{ map, merged: null }])).toBe('1 map imported');
  });

  it('lets the user pick from a library file, nothing picked at first', () => {
    const file = info([
      ['One', false],
      ['Two', true],
    ]);
    expect(needsNoQuestion(file)).toBe(false);
    const picks = initialPicks(file);
    expect(picksToSend(picks)).toEqual([]);
    picks[1]!.chosen = true;
    expect(picksToSend(picks)).toHaveLength(1);
  });
});
