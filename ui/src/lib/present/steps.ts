// Present mode as steps: the title slide, each stage (a stage with more cards than a slide can
// show at a readable size takes several pages), then the whole map. Pure, so the presentation can
// be rebuilt after every edit and keep its place by the step's key.
import type { Card, Id, Lane, LaneKind, MapDoc, Stage } from '../ipc/types';
import { cardsByCell, cellKey } from '../model/doc';

export type Step =
  | { kind: 'title' }
  | { kind: 'stage'; stageId: Id; index: number; page: number; pages: number }
  | { kind: 'overview' };

/** Cards a stage slide shows in its main area, and pain points plus opportunities beside it. */
export const MAIN_PER_PAGE = 12;
export const SIDE_PER_PAGE = 8;

/** Lanes drawn beside the cards (pain points, opportunities) or as the curve, not as rows. */
const SIDE_KINDS: ReadonlySet<LaneKind> = new Set(['painPoints', 'opportunities']);

export interface LaneRow {
  lane: Lane;
  cards: Card[];
}

export interface StageSlide {
  stage: Stage;
  /** 0-based position among the stages. */
  index: number;
  page: number;
  pages: number;
  rows: LaneRow[];
  pains: Card[];
  opportunities: Card[];
  /** The stage has no cards at all (its slide says so). */
  empty: boolean;
}

interface StageCards {
  main: { lane: Lane; card: Card }[];
  side: { lane: Lane; card: Card }[];
}

function stageCards(doc: MapDoc, stageId: Id, cells: Map<string, Card[]>): StageCards {
  const out: StageCards = { main: [], side: [] };
  for (const lane of doc.lanes) {
    if (lane.kind === 'emotions' && (cells.get(cellKey(stageId, lane.id))?.length ?? 0) === 0) continue;
    const into = SIDE_KINDS.has(lane.kind) ? out.side : out.main;
    for (const card of cells.get(cellKey(stageId, lane.id)) ?? []) into.push({ lane, card });
  }
  return out;
}

function pagesOf(cards: StageCards): number {
  return Math.max(
    1,
    Math.ceil(cards.main.length / MAIN_PER_PAGE),
    Math.ceil(cards.side.length / SIDE_PER_PAGE),
  );
}

export function presentSteps(doc: MapDoc, cells: Map<string, Card[]> = cardsByCell(doc)): Step[] {
  const steps: Step[] = [{ kind: 'title' }];
  doc.stages.forEach((stage, index) => {
    const pages = pagesOf(stageCards(doc, stage.id, cells));
    for (let page = 0; page < pages; page++)
      steps.push({ kind: 'stage', stageId: stage.id, index, page, pages });
  });
  steps.push({ kind: 'overview' });
  return steps;
}

/** What the slide of stage `stageId`, page `page`, shows; null when the stage is gone. */
export function stageSlide(
  doc: MapDoc,
  stageId: Id,
  page: number,
  cells: Map<string, Card[]> = cardsByCell(doc),
): StageSlide | null {
  const index = doc.stages.findIndex((s) => s.id === stageId);
  const stage = doc.stages[index];
  if (!stage) return null;
  const all = stageCards(doc, stageId, cells);
  const pages = pagesOf(all);
  const at = Math.min(Math.max(page, 0), pages - 1);
  const main = all.main.slice(at * MAIN_PER_PAGE, (at + 1) * MAIN_PER_PAGE);
  const side = all.side.slice(at * SIDE_PER_PAGE, (at + 1) * SIDE_PER_PAGE);
  const rows: LaneRow[] = [];
  for (const { lane, card } of main) {
    const last = rows[rows.length - 1];
    if (last?.lane.id === lane.id) last.cards.push(card);
    else rows.push({ lane, cards: [card] });
  }
  return {
    stage,
    index,
    page: at,
    pages,
    rows,
    pains: side.filter((s) => s.lane.kind === 'painPoints').map((s) => s.card),
    opportunities: side.filter((s) => s.lane.kind === 'opportunities').map((s) => s.card),
    empty: all.main.length === 0 && all.side.length === 0,
  };
}

/** The page of its stage's slides that shows card `cardId` (0 when it is not on them). */
export function pageOfCard(doc: MapDoc, cardId: Id, cells: Map<string, Card[]> = cardsByCell(doc)): number {
  const card = doc.cards.find((c) => c.id === cardId);
  if (!card) return 0;
  const all = stageCards(doc, card.stageId, cells);
  const main = all.main.findIndex((x) => x.card.id === cardId);
  if (main >= 0) return Math.floor(main / MAIN_PER_PAGE);
  const side = all.side.findIndex((x) => x.card.id === cardId);
  return side >= 0 ? Math.floor(side / SIDE_PER_PAGE) : 0;
}

export function stepKey(step: Step): string {
  return step.kind === 'stage' ? `stage:${step.stageId}:${step.page}` : step.kind;
}

/**
 * Where the presentation is after the steps changed (an edit): the step with the same key; else
 * the same stage's last page (its cards shrank); else the step now at the old position.
 */
export function findPlace(steps: Step[], key: string, lastIndex: number): number {
  const same = steps.findIndex((s) => stepKey(s) === key);
  if (same >= 0) return same;
  const stageId = key.startsWith('stage:') ? key.split(':')[1] : undefined;
  for (let i = steps.length - 1; stageId && i >= 0; i--) {
    const s = steps[i];
    if (s?.kind === 'stage' && s.stageId === stageId) return i;
  }
  return Math.min(Math.max(lastIndex, 0), steps.length - 1);
}

/** The lane a card added while presenting a stage goes to: touchpoints first, else any row lane. */
export function laneForNewCard(doc: MapDoc): Lane | null {
  return (
    doc.lanes.find((l) => l.kind === 'touchpoints') ??
    doc.lanes.find((l) => l.kind !== 'emotions' && !SIDE_KINDS.has(l.kind)) ??
    doc.lanes[0] ??
    null
  );
}
