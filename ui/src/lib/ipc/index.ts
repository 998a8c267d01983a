export { tauriPort as api } from './tauri';
export { BackendError } from './errors';
export type { JejakPort } from './port';
export type * from './types';
