import type { ErrorKind, IpcError, Problem } from './types';

/** A backend error as a real Error: the kind the UI acts on, the problems to word, the detail. */
export class BackendError extends Error {
  readonly kind: ErrorKind | 'Unknown';
  readonly problems: Problem[];
  /** Technical text (SQLite's or the system's words), shown only behind "details". */
  readonly detail: string | null;

  constructor(kind: ErrorKind | 'Unknown', problems: Problem[], detail: string | null) {
    super(problems.map((p) => p.code).join(', ') || (detail ?? kind));
    this.name = 'BackendError';
    this.kind = kind;
    this.problems = problems;
    this.detail = detail;
  }

  static from(raw: unknown): BackendError {
    if (raw instanceof BackendError) return raw;
    if (isIpcError(raw)) return new BackendError(raw.kind, raw.problems, raw.detail);
    return new BackendError('Unknown', [], raw instanceof Error ? raw.message : String(raw));
  }
}

function isIpcError(raw: unknown): raw is IpcError {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { kind?: unknown }).kind === 'string' &&
    Array.isArray((raw as { problems?: unknown }).problems)
  );
}
