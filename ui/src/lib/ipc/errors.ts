import type { ErrorKind, IpcError } from './types';

/** A backend error as a real Error, keeping the kind the UI acts on. */
export class BackendError extends Error {
  readonly kind: ErrorKind | 'Unknown';

  constructor(kind: ErrorKind | 'Unknown', message: string) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
  }

  static from(raw: unknown): BackendError {
    if (raw instanceof BackendError) return raw;
    if (isIpcError(raw)) return new BackendError(raw.kind, raw.message);
    return new BackendError('Unknown', raw instanceof Error ? raw.message : String(raw));
  }
}

function isIpcError(raw: unknown): raw is IpcError {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { kind?: unknown }).kind === 'string' &&
    typeof (raw as { message?: unknown }).message === 'string'
  );
}
