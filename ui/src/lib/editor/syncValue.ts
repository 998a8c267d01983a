/**
 * Svelte action for fields edited in place: shows `value` of the thing `owner` names, but never
 * overwrites what the user is typing (a save's patch may carry an older value than the field by
 * the time it arrives). When the field is left after the selection moved to another thing, it
 * shows that thing's value at once.
 */
export function syncValue(
  node: HTMLInputElement | HTMLTextAreaElement,
  arg: { value: string; owner: string },
) {
  let current = arg;
  let focusedOwner: string | null = null;
  node.value = arg.value;
  const onFocus = () => (focusedOwner = current.owner);
  const onBlur = () => {
    if (focusedOwner !== null && focusedOwner !== current.owner) node.value = current.value;
    focusedOwner = null;
  };
  node.addEventListener('focus', onFocus);
  node.addEventListener('blur', onBlur);
  return {
    update(next: { value: string; owner: string }) {
      current = next;
      if (document.activeElement !== node) node.value = next.value;
    },
    destroy() {
      node.removeEventListener('focus', onFocus);
      node.removeEventListener('blur', onBlur);
    },
  };
}
