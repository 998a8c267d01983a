// What the rest of the UI imports. The Tauri backend itself is installed by main.ts.
export { api, installBackend } from './backend';
export { BackendError } from './errors';
export type { JejakPort } from './port';
export type * from './types';
