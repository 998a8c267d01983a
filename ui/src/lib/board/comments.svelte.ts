// Comments of the open map: writing, replying, resolving and deleting them through the map's
// session (each one undo step), the name they are signed with, and which stage's comments are
// open in their panel. The threads themselves are part of the map (`session.doc.comments`).
import { api, type Comment, type CommentOn, type Id } from '../ipc';
import { uuidv7 } from '../model/ids';
import { threadCounts, type CommentCount } from '../model/comments';
import type { MapSession } from './mapSession.svelte';

export class Comments {
  /** The name comments are signed with; null until the user gives one. */
  author = $state<string | null>(null);
  /** The stage whose comments are open in the side panel. */
  stagePanel = $state<Id | null>(null);

  /**
   * Text written and not sent yet, per box (a card's or stage's new comment, a reply): selecting
   * another card and coming back finds it again, and it never goes to another card.
   */
  readonly drafts = new Map<string, string>();

  /** Open and resolved threads per card and stage id. */
  readonly counts = $derived.by((): Map<Id, CommentCount> => threadCounts(this.session.doc?.comments ?? []));

  constructor(
    private readonly session: MapSession,
    private readonly onError: (e: unknown) => void,
  ) {}

  async loadAuthor(): Promise<void> {
    try {
      this.author = await api.authorName();
    } catch (e) {
      this.onError(e);
    }
  }

  /** Keeps the name comments are signed with; false when it was refused (the error is shown). */
  async setAuthor(name: string): Promise<boolean> {
    try {
      this.author = await api.setAuthorName(name);
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  /** Adds a comment (a new thread, or a reply to `replyTo`); true once it is saved. */
  async add(on: CommentOn, text: string, replyTo: Id | null = null): Promise<boolean> {
    const author = this.author;
    if (!author) return false;
    const comment: Comment = {
      id: uuidv7(),
      on,
      replyTo,
      author,
      text,
      createdAt: Date.now(),
      resolved: false,
    };
    return (await this.session.run([{ type: 'addComment', comment }])) !== null;
  }

  async edit(id: Id, text: string): Promise<boolean> {
    return (await this.session.run([{ type: 'editComment', id, text }])) !== null;
  }

  resolve = (id: Id, resolved: boolean) => this.session.run([{ type: 'resolveComment', id, resolved }]);

  remove = (id: Id) => this.session.run([{ type: 'deleteComment', id }]);

  /** Opens the comments of a stage (again: closes them). */
  toggleStage(id: Id): void {
    this.stagePanel = this.stagePanel === id ? null : id;
  }
}
