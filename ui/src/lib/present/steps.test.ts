import { describe, expect, it } from 'vitest';
import type { Card, Lane, LaneKind, MapDoc } from '../ipc/types';
import { emptyAttrs } from '../model/attrs';
import { presentCommand } from './presentKeys';
import {
  findPlace,
  laneForNewCard,
  MAIN_PER_PAGE,
  pageOfCard,
  presentSteps,
  stageSlide,
  stepKey,
} from './steps';

const lane = (id: string, kind: LaneKind, rank: string): Lane => ({ id, title: id, kind, rank });
let n = 0;
const card = (stageId: string, laneId: string, title = `c${n}`): Card => ({
  id: `card-${n}`,
  stageId,
  laneId,
  title,
  body: '',
  rank: String(1000 + n++).padStart(6, '0'),
  attrs: emptyAttrs(),
});

function map(cards: Card[], stages = ['S1', 'S2']): MapDoc {
  return {
    map: { id: 'M', title: 'Map', createdAt: 1, updatedAt: 1 },
    stages: stages.map((id, i) => ({ id, title: id, rank: `8${i}` })),
    lanes: [
      lane('T', 'touchpoints', '80'),
      lane('E', 'emotions', '81'),
      lane('P', 'painPoints', '82'),
      lane('O', 'opportunities', '83'),
      lane('N', 'notes', '84'),
    ],
    cards,
    personas: [],
    emotions: [],
    comments: [],
    history: { canUndo: false, canRedo: false },
  };
}

describe('present steps', () => {
  it('go title, one step per stage, overview', () => {
    const steps = presentSteps(map([card('S1', 'T')]));
    expect(steps.map(stepKey)).toEqual(['title', 'stage:S1:0', 'stage:S2:0', 'overview']);
  });

  it('show an empty map as a title and an overview', () => {
    expect(presentSteps(map([], [])).map(stepKey)).toEqual(['title', 'overview']);
  });

  it('split a 300-card stage into readable pages, every card on exactly one', () => {
    const cards = Array.from({ length: 300 }, () => card('S1', 'T'));
    const doc = map(cards, ['S1']);
    const steps = presentSteps(doc);
    const pages = Math.ceil(300 / MAIN_PER_PAGE);
    expect(steps).toHaveLength(pages + 2);
    const shown = steps.flatMap((s) =>
      s.kind === 'stage' ? (stageSlide(doc, s.stageId, s.page)?.rows.flatMap((r) => r.cards) ?? []) : [],
    );
    expect(shown.map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(pageOfCard(doc, cards[299]!.id)).toBe(pages - 1);
  });

  it('put pain points and opportunities beside the rows, and the empty emotions lane nowhere', () => {
    const doc = map([
      card('S1', 'T', 'Login'),
      card('S1', 'P', 'Slow'),
      card('S1', 'O', 'Faster'),
      card('S1', 'N'),
    ]);
    const slide = stageSlide(doc, 'S1', 0);
    expect(slide?.rows.map((r) => r.lane.id)).toEqual(['T', 'N']);
    expect(slide?.pains.map((c) => c.title)).toEqual(['Slow']);
    expect(slide?.opportunities.map((c) => c.title)).toEqual(['Faster']);
    expect(slide?.empty).toBe(false);
    expect(stageSlide(doc, 'S2', 0)?.empty).toBe(true);
    expect(stageSlide(doc, 'gone', 0)).toBeNull();
  });

  it('keep their place after an edit: same key, else the stage’s last page, else the old position', () => {
    const many = Array.from({ length: MAIN_PER_PAGE + 1 }, () => card('S1', 'T'));
    const before = presentSteps(map(many));
    expect(findPlace(before, 'stage:S1:1', 0)).toBe(2);
    // A card deleted: the second page is gone, the stage's first page shows.
    const after = presentSteps(map(many.slice(1)));
    expect(findPlace(after, 'stage:S1:1', 2)).toBe(1);
    // A stage added before: the same stage is found at its new position.
    const added = presentSteps(map(many, ['S0', 'S1', 'S2']));
    expect(findPlace(added, 'stage:S1:0', 1)).toBe(2);
    // The stage itself deleted (undo of its creation): the step now at that position.
    expect(findPlace(presentSteps(map([], ['S2'])), 'stage:S1:0', 1)).toBe(1);
    expect(findPlace(presentSteps(map([], [])), 'stage:S1:0', 5)).toBe(1);
  });

  it('add a card during the talk to the touchpoints lane', () => {
    expect(laneForNewCard(map([]))?.id).toBe('T');
  });
});

const presentKeyTest = (key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  presentCommand({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('present keys', () => {
  it('move on with the arrows, Space and a clicker, and leave with Escape', () => {
    expect(presentKeyTest('ArrowRight')).toBe('next');
    expect(presentKeyTest('PageDown')).toBe('next');
    expect(presentKeyTest(' ')).toBe('next');
    expect(presentKeyTest(' ', { shiftKey: true })).toBe('prev');
    expect(presentKeyTest('PageUp')).toBe('prev');
    expect(presentKeyTest('b')).toBe('blank');
    expect(presentKeyTest('.')).toBe('blank');
    expect(presentKeyTest('N')).toBe('addCard');
    expect(presentKeyTest('Escape')).toBe('leave');
    expect(presentKeyTest('ArrowRight', { ctrlKey: true })).toBeNull();
    expect(presentKeyTest('x')).toBeNull();
  });
});
