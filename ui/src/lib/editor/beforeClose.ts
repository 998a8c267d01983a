/**
 * What must happen before the window closes: typed text still waiting for its save is sent
 * ("flush"), then the edits on their way to the backend are awaited ("drain"). The backend holds
 * the window's close until this has run (or a few seconds have passed).
 */
type Task = () => unknown;

const tasks: Record<'flush' | 'drain', Set<Task>> = { flush: new Set(), drain: new Set() };

/** Registers `task` for the close; returns the function that unregisters it. */
export function beforeClose(phase: 'flush' | 'drain', task: Task): () => void {
  tasks[phase].add(task);
  return () => tasks[phase].delete(task);
}

/** Sends what is waiting, then waits for every edit to be on disk (failures are not waited on twice). */
export async function runBeforeClose(): Promise<void> {
  for (const task of tasks.flush) task();
  await Promise.allSettled([...tasks.drain].map(async (task) => task()));
}
