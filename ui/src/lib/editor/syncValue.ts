/**
 * Svelte action for fields edited in place: shows `value` of the thing `owner` names, but never
 * overwrites what the user is typing (a save's patch may carry an older value than the field by
 * the time it arrives). When the field is left, it shows what was stored: at once when the
 * selection moved to another thing, and shortly after the save otherwise (the backend may have
 * kept the old value, e.g. an emptied persona name, or tidied the text, e.g. "a, a" → "a").
 */
const SETTLE_MS = 800;

export function syncValue(
  node: HTMLInputElement | HTMLTextAreaElement,
  arg: { value: string; owner: string },
) {
  let current = arg;
  let focusedOwner: string | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  node.value = arg.value;
  const onFocus = () => {
    clearTimeout(settle);
    focusedOwner = current.owner;
  };
  const onBlur = () => {
    if (focusedOwner !== null && focusedOwner !== current.owner) node.value = current.value;
    focusedOwner = null;
    settle = setTimeout(() => {
      if (document.activeElement !== node && node.value !== current.value) node.value = current.value;
    }, SETTLE_MS);
  };
  node.addEventListener('focus', onFocus);
  node.addEventListener('blur', onBlur);
  return {
    update(next: { value: string; owner: string }) {
      current = next;
      if (document.activeElement !== node) node.value = next.value;
    },
    destroy() {
      clearTimeout(settle);
      node.removeEventListener('focus', onFocus);
      node.removeEventListener('blur', onBlur);
    },
  };
}
