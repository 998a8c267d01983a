/**
 * Svelte action for inputs edited in place: shows `value`, but never overwrites what the user is
 * typing (a save's patch may carry an older value than the field by the time it arrives).
 */
export function syncValue(node: HTMLInputElement | HTMLTextAreaElement, value: string) {
  node.value = value;
  return {
    update(next: string) {
      if (document.activeElement !== node) node.value = next;
    },
  };
}
