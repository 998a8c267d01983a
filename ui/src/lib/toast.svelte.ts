// Short messages at the bottom of the window, optionally with one action (e.g. Undo).
import { describeError } from './i18n/index.svelte';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Technical text behind a "details" toggle. */
  detail?: string;
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
  options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number; detail?: string | null } = {},
): void {
  const id = next++;
  const toast: Toast = { id, message, tone: options.tone ?? 'info' };
  if (options.action) toast.action = options.action;
  if (options.detail) toast.detail = options.detail;
  state.items = [...state.items.slice(-3), toast];
  const ms = options.ms ?? (options.action || options.detail ? 8000 : 5000);
  setTimeout(() => dismiss(id), ms);
}

/** An error as a toast in the user's language, SQLite's own words behind "details". */
export function showError(e: unknown, prefix?: (message: string) => string): void {
  const { lines, detail } = describeError(e);
  const message = lines.join(' ');
  showToast(prefix ? prefix(message) : message, { tone: 'error', detail, ms: 10000 });
}
