// Every list of enum values the UI offers, kept once. Each is written as a record over the type
// generated from Rust, so TypeScript refuses a list that misses a value the backend has or names
// one it does not; the order of the keys is the order the UI shows.
import type {
  Evidence,
  ExportMode,
  LaneKind,
  Orientation,
  Paper,
  Phase,
  Priority,
  TouchpointKind,
} from '../ipc/types';

const keys = <T extends string>(record: Record<T, unknown>): T[] => Object.keys(record) as T[];

export const LANE_KINDS = keys({
  touchpoints: 1,
  actions: 1,
  thoughts: 1,
  emotions: 1,
  painPoints: 1,
  opportunities: 1,
  channels: 1,
  frontstage: 1,
  backstage: 1,
  support: 1,
  metrics: 1,
  notes: 1,
} satisfies Record<LaneKind, 1>);

export const TOUCHPOINT_KINDS = keys({ digital: 1, human: 1, physical: 1 } satisfies Record<
  TouchpointKind,
  1
>);
export const PHASES = keys({ prePurchase: 1, purchase: 1, postPurchase: 1 } satisfies Record<Phase, 1>);
export const EVIDENCE = keys({ observed: 1, assumed: 1, proposed: 1 } satisfies Record<Evidence, 1>);
export const PRIORITIES = keys({ low: 1, medium: 1, high: 1 } satisfies Record<Priority, 1>);
export const ORIENTATIONS = keys({ portrait: 1, landscape: 1 } satisfies Record<Orientation, 1>);
export const EXPORT_MODES = keys({ fit: 1, byStage: 1, poster: 1 } satisfies Record<ExportMode, 1>);

/** Paper sizes, with the names printed on them (not translated). */
export const PAPER_NAMES = {
  a4: 'A4',
  a3: 'A3',
  a2: 'A2',
  a1: 'A1',
  letter: 'Letter',
  tabloid: 'Tabloid',
} satisfies Record<Paper, string>;
export const PAPERS = keys(PAPER_NAMES);
