// Deleting a stage or lane: never the last one, and only after asking when cards would go with it.
import type { Lane, Op, Stage } from '../ipc';
import { countCards } from '../model/doc';
import { t, tn } from '../i18n/index.svelte';
import type { BoardState } from './boardState.svelte';
import type { Axis, MapSession } from './mapSession.svelte';

export type AxisProblem = 'board.lastStage' | 'board.lastLane';

/** Deletes at once, asks first (through `board.confirm`), or says why it cannot. */
export function deleteAxis(
  session: MapSession,
  board: BoardState,
  axis: Axis,
  item: Stage | Lane,
): AxisProblem | null {
  const doc = session.doc;
  if (!doc) return null;
  const remaining = axis === 'stage' ? doc.stages.length : doc.lanes.length;
  if (remaining <= 1) return axis === 'stage' ? 'board.lastStage' : 'board.lastLane';
  const ops: Op[] = [
    axis === 'stage' ? { type: 'deleteStage', id: item.id } : { type: 'deleteLane', id: item.id },
  ];
  const count = countCards(doc, axis === 'stage' ? { stageId: item.id } : { laneId: item.id });
  if (count === 0) {
    void session.run(ops);
    return null;
  }
  board.confirm = {
    message: t(axis === 'stage' ? 'board.deleteStageConfirm' : 'board.deleteLaneConfirm', {
      title: item.title,
      cards: tn('count.cards', count),
    }),
    label: t(axis === 'stage' ? 'board.deleteStage' : 'board.deleteLane', { title: item.title }),
    ops,
  };
  return null;
}
