// The field visits of one panel (the inspector, the persona panel), tied to the panel's life: a
// visit still open when the panel or the window closes is saved, not dropped.
import { beforeClose } from './beforeClose';
import { FieldVisit, type SaveField } from './fieldVisit';

/** Call while a component is being set up. */
export function panelFieldVisits<F extends string>(
  save: SaveField<F>,
  onWaiting: (waiting: boolean) => void,
): FieldVisit<F> {
  const visit = new FieldVisit<F>(save, 400, onWaiting);
  $effect(() => {
    const off = beforeClose('flush', () => visit.flush());
    return () => {
      off();
      visit.flush();
    };
  });
  return visit;
}
