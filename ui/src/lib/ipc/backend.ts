// The seam between the UI and whatever answers its calls: the app installs the Tauri backend at
// start (main.ts), tests install an in-memory one (fake.ts). Everything else calls `api`.
import type { JejakPort } from './port';

let installed: JejakPort | null = null;

/** Makes `backend` answer every later call through `api`. */
export function installBackend(backend: JejakPort): void {
  installed = backend;
}

function current(): JejakPort {
  if (!installed) throw new Error('no backend installed: call installBackend() first');
  return installed;
}

/** The installed backend; each call is looked up when made, so a test can swap backends. */
export const api: JejakPort = new Proxy({} as JejakPort, {
  get: (_, name: string | symbol) => {
    const backend = current();
    const member = backend[name as keyof JejakPort];
    return typeof member === 'function' ? member.bind(backend) : member;
  },
});
