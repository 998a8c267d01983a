// Every edit of every map goes through this one queue, so the backend commits them in the order
// the user made them and the UI applies the patches in that same order — also across views (a
// map renamed in the library while the board's last edits are still on their way).
import { beforeClose } from '../editor/beforeClose';

let tail: Promise<unknown> = Promise.resolve();

/** Runs `job` after every edit queued before it (whether those succeeded or not). */
export function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const result = tail.then(job);
  tail = result.catch(() => undefined);
  return result;
}

/** Settles once every edit queued so far has been answered. */
export function drained(): Promise<unknown> {
  return tail;
}

// Closing the window waits for the edits on their way to disk.
beforeClose('drain', drained);
