import { mount } from 'svelte';
import App from './App.svelte';
import { installBackend } from './lib/ipc';
import { tauriPort } from './lib/ipc/tauri';
import './app.css';

installBackend(tauriPort);
// The font stack for Linux (app.css): known before the first paint.
if (/Linux/.test(navigator.userAgent)) document.documentElement.classList.add('linux');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
