import { describe, expect, it } from 'vitest';
import type { Comment, MapDoc } from '../ipc/types';
import { applyOp, diffDocs } from '../ipc/fakeMap';
import { applyPatch } from './doc';
import { threadCounts, threadsOn } from './comments';

const doc: MapDoc = {
  map: { id: 'M', title: 'M', createdAt: 0, updatedAt: 0 },
  stages: [
    { id: 'S1', title: 'Awareness', rank: '1' },
    { id: 'S2', title: 'Purchase', rank: '2' },
  ],
  lanes: [{ id: 'L', title: 'Touchpoints', kind: 'touchpoints', rank: '1' }],
  cards: [
    { id: 'a', stageId: 'S1', laneId: 'L', title: 'Ad', body: '', rank: '1', attrs: {} as Card['attrs'] },
    { id: 'b', stageId: 'S2', laneId: 'L', title: 'Pay', body: '', rank: '1', attrs: {} as Card['attrs'] },
  ],
  personas: [],
  emotions: [],
  comments: [],
  history: { canUndo: false, canRedo: false },
};
type Card = MapDoc['cards'][number];

const comment = (
  id: string,
  on: Comment['on'],
  createdAt: number,
  extra: Partial<Comment> = {},
): Comment => ({
  id,
  on,
  replyTo: null,
  author: 'Ayu',
  text: `text ${id}`,
  createdAt,
  resolved: false,
  ...extra,
});

describe('comment threads', () => {
  const comments = [
    comment('r2', { kind: 'card', id: 'a' }, 5, { replyTo: 't1' }),
    comment('t1', { kind: 'card', id: 'a' }, 1),
    comment('t2', { kind: 'card', id: 'a' }, 2, { resolved: true }),
    comment('r1', { kind: 'card', id: 'a' }, 3, { replyTo: 't1' }),
    comment('t3', { kind: 'card', id: 'a' }, 4),
    comment('s1', { kind: 'stage', id: 'a' }, 0),
  ];

  it('lists open threads first, each oldest first, with their replies in order', () => {
    const threads = threadsOn(comments, { kind: 'card', id: 'a' });
    expect(threads.map((t) => t.first.id)).toEqual(['t1', 't3', 't2']);
    expect(threads[0]?.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('counts the comments of open and of resolved threads, replies included', () => {
    const counts = threadCounts(comments);
    // t1 with r1 and r2, t3 (open); t2 (resolved); s1 is the stage's.
    expect(counts.get('a')).toEqual({ open: 5, resolved: 1 });
  });
});

describe('comments in the in-memory map and its patches', () => {
  it('go with a deleted card and stage, and a first comment takes its replies', () => {
    let d = applyOp(doc, { type: 'addComment', comment: comment('t1', { kind: 'card', id: 'a' }, 1) });
    d = applyOp(d, {
      type: 'addComment',
      comment: comment('r1', { kind: 'card', id: 'a' }, 2, { replyTo: 't1' }),
    });
    d = applyOp(d, { type: 'addComment', comment: comment('s1', { kind: 'stage', id: 'S2' }, 3) });
    expect(() =>
      applyOp(d, {
        type: 'addComment',
        comment: comment('x', { kind: 'card', id: 'a' }, 4, { replyTo: 'r1' }),
      }),
    ).toThrow();
    const patched = applyPatch(doc, diffDocs(doc, d));
    expect(patched.comments.map((c) => c.id)).toEqual(['t1', 'r1', 's1']);

    const noCard = applyOp(d, { type: 'deleteCard', id: 'a' });
    expect(applyPatch(patched, diffDocs(d, noCard)).comments.map((c) => c.id)).toEqual(['s1']);
    const noStage = applyOp(d, { type: 'deleteStage', id: 'S2' });
    expect(applyPatch(patched, diffDocs(d, noStage)).comments.map((c) => c.id)).toEqual(['t1', 'r1']);
    const noThread = applyOp(d, { type: 'deleteComment', id: 't1' });
    expect(noThread.comments.map((c) => c.id)).toEqual(['s1']);
    const resolved = applyOp(d, { type: 'resolveComment', id: 't1', resolved: true });
    expect(threadCounts(resolved.comments).get('a')).toEqual({ open: 0, resolved: 2 });
  });
});
