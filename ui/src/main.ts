import { mount } from 'svelte';
import App from './App.svelte';
import { installBackend } from './lib/ipc';
import { tauriPort } from './lib/ipc/tauri';
import './app.css';

installBackend(tauriPort);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
