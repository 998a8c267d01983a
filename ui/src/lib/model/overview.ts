// The overview of a map's pain points and opportunities: rows and their sort orders. Pure.
import type { Card, Id, LaneKind, MapDoc, Priority } from '../ipc/types';

export type OverviewKind = Extract<LaneKind, 'painPoints' | 'opportunities'>;
export type SortKey = 'priority' | 'owner' | 'stage';

export interface OverviewRow {
  card: Card;
  kind: OverviewKind;
  stageIndex: number;
  stageTitle: string;
}

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

export function overviewRows(doc: MapDoc): OverviewRow[] {
  const lanes = new Map<Id, OverviewKind>();
  for (const l of doc.lanes)
    if (l.kind === 'painPoints' || l.kind === 'opportunities') lanes.set(l.id, l.kind);
  const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
  const stageTitle = new Map(doc.stages.map((s) => [s.id, s.title]));
  return doc.cards.flatMap((card) => {
    const kind = lanes.get(card.laneId);
    return kind
      ? [
          {
            card,
            kind,
            stageIndex: stageIndex.get(card.stageId) ?? 0,
            stageTitle: stageTitle.get(card.stageId) ?? '',
          },
        ]
      : [];
  });
}

/** Sorted copy: by the key first (no priority / no owner last), then journey order, then rank. */
export function sortRows(rows: OverviewRow[], key: SortKey, locale: string): OverviewRow[] {
  const journey = (a: OverviewRow, b: OverviewRow) =>
    a.stageIndex - b.stageIndex || (a.card.rank < b.card.rank ? -1 : a.card.rank > b.card.rank ? 1 : 0);
  const by: Record<SortKey, (a: OverviewRow, b: OverviewRow) => number> = {
    priority: (a, b) => pri(a) - pri(b),
    owner: (a, b) => {
      const x = a.card.attrs.owner;
      const y = b.card.attrs.owner;
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return x.localeCompare(y, locale);
    },
    stage: () => 0,
  };
  return [...rows].sort((a, b) => by[key](a, b) || journey(a, b));
}

function pri(r: OverviewRow): number {
  return r.card.attrs.priority === null ? 3 : PRIORITY_ORDER[r.card.attrs.priority];
}
