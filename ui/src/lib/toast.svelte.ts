// Short messages at the bottom of the window, optionally with one action (e.g. Undo).

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const state = $state<{ items: Toast[] }>({ items: [] });
let next = 1;

export function toasts(): Toast[] {
  return state.items;
}

export function dismiss(id: number): void {
  state.items = state.items.filter((t) => t.id !== id);
}

export function showToast(
  message: string,
  options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {},
): void {
  const id = next++;
  const toast: Toast = { id, message, tone: options.tone ?? 'info' };
  if (options.action) toast.action = options.action;
  state.items = [...state.items.slice(-3), toast];
  setTimeout(() => dismiss(id), options.ms ?? (options.action ? 8000 : 5000));
}
