// Comment threads of the open map, as plain functions of the map: a thread is a first comment
// (no `replyTo`) and its replies, resolved or open as a whole.
import type { Comment, CommentOn, Id, MapDoc } from '../ipc/types';

export interface Thread {
  first: Comment;
  /** Oldest first. */
  replies: Comment[];
}

const byTime = (a: Comment, b: Comment) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sameTarget(a: CommentOn, b: CommentOn): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The threads about a card or a stage: open ones first, each group oldest first. */
export function threadsOn(comments: Comment[], on: CommentOn): Thread[] {
  const mine = comments.filter((c) => sameTarget(c.on, on)).sort(byTime);
  const threads = mine
    .filter((c) => c.replyTo === null)
    .map((first) => ({ first, replies: mine.filter((c) => c.replyTo === first.id) }));
  return [...threads.filter((t) => !t.first.resolved), ...threads.filter((t) => t.first.resolved)];
}

export interface CommentCount {
  /** Comments in open threads, replies included. */
  open: number;
  /** Comments in resolved threads. */
  resolved: number;
}

/** How many comments of open and of resolved threads each card and stage has (by its id). */
export function threadCounts(comments: Comment[]): Map<Id, CommentCount> {
  const resolvedThread = new Set(comments.filter((c) => c.replyTo === null && c.resolved).map((c) => c.id));
  const counts = new Map<Id, CommentCount>();
  for (const c of comments) {
    const count = counts.get(c.on.id) ?? { open: 0, resolved: 0 };
    if (resolvedThread.has(c.replyTo ?? c.id)) count.resolved += 1;
    else count.open += 1;
    counts.set(c.on.id, count);
  }
  return counts;
}

/**
 * Comments after an edit: the patch's ones changed or added, its deleted ones gone, and any about
 * a card or stage the map no longer has dropped (the store deletes them with it).
 */
export function mergeComments(doc: MapDoc, upserts: Comment[], deleted: Id[], live: MapDoc): Comment[] {
  const byId = new Map(doc.comments.map((c) => [c.id, c] as const));
  for (const id of deleted) byId.delete(id);
  for (const c of upserts) byId.set(c.id, c);
  const cards = new Set(live.cards.map((c) => c.id));
  const stages = new Set(live.stages.map((s) => s.id));
  return [...byId.values()]
    .filter((c) => (c.on.kind === 'card' ? cards.has(c.on.id) : stages.has(c.on.id)))
    .sort(byTime);
}
