// The emotion curve, as numbers: where each touchpoint's score sits in the emotions lane.
// Pure, so the board's SVG and (later) the PDF draw the same thing.
import type { Card, EmotionScore, Horizon, Id, MapDoc, Persona } from '../ipc/types';
import { byRank, emotionKey } from './doc';

export const CURVE_HEIGHT = 200;
const MID = CURVE_HEIGHT / 2;
const STEP = 38; // pixels per score point

/** A score as people write it: +2, +1, 0, −1 (a real minus sign), −2. */
export function signedScore(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** The SVG path through `points`, in order. */
export function linePath(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
}

export function scoreToY(score: number): number {
  return MID - score * STEP;
}

/** The score a vertical position means (drag), snapped to −2..+2. */
export function yToScore(y: number): number {
  return Math.max(-2, Math.min(2, Math.round((MID - y) / STEP)));
}

export interface CurvePoint {
  cardId: Id;
  personaId: Id;
  horizon: Horizon;
  x: number;
  /** null: this persona has no score at this touchpoint yet. */
  score: number | null;
}

export interface CurveLine {
  persona: Persona;
  horizon: Horizon;
  /** Scored points in order along the journey. */
  points: { x: number; y: number }[];
}

/** Cards the curve runs through: those in touchpoint lanes (every card when there are none). */
export function touchpointsInOrder(doc: MapDoc): Card[] {
  const touchLanes = new Set(doc.lanes.filter((l) => l.kind === 'touchpoints').map((l) => l.id));
  const laneRank = new Map(doc.lanes.map((l) => [l.id, l.rank]));
  const pool = touchLanes.size > 0 ? doc.cards.filter((c) => touchLanes.has(c.laneId)) : doc.cards;
  const out: Card[] = [];
  for (const stage of doc.stages) {
    const here = pool.filter((c) => c.stageId === stage.id);
    here.sort((a, b) => {
      const la = laneRank.get(a.laneId) ?? '';
      const lb = laneRank.get(b.laneId) ?? '';
      return la < lb ? -1 : la > lb ? 1 : byRank(a, b);
    });
    out.push(...here);
  }
  return out;
}

/**
 * Points and lines for `personas` (as-is and to-be) with stages `stageWidth` apart: touchpoints of
 * a stage are spread evenly across its column.
 */
export function computeCurve(
  doc: MapDoc,
  personas: Persona[],
  stageWidth: number,
): { points: CurvePoint[]; lines: CurveLine[] } {
  const scores = new Map<string, EmotionScore>(doc.emotions.map((e) => [emotionKey(e), e]));
  const cards = touchpointsInOrder(doc);
  const xOf = new Map<Id, number>();
  doc.stages.forEach((stage, s) => {
    const here = cards.filter((c) => c.stageId === stage.id);
    here.forEach((c, j) => xOf.set(c.id, s * stageWidth + ((j + 1) * stageWidth) / (here.length + 1)));
  });
  const points: CurvePoint[] = [];
  const lines: CurveLine[] = [];
  for (const persona of personas) {
    for (const horizon of ['asIs', 'toBe'] as const) {
      const line: CurveLine = { persona, horizon, points: [] };
      for (const card of cards) {
        const x = xOf.get(card.id) ?? 0;
        const found = scores.get(emotionKey({ cardId: card.id, personaId: persona.id, horizon }));
        const score = found ? found.score : null;
        // Unscored to-be points are not offered: the to-be line is drawn where the team sets it.
        if (score !== null || horizon === 'asIs') {
          points.push({ cardId: card.id, personaId: persona.id, horizon, x, score });
        }
        if (score !== null) line.points.push({ x, y: scoreToY(score) });
      }
      if (line.points.length > 0) lines.push(line);
    }
  }
  return { points, lines };
}
