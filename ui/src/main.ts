import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { initUiLanguage } from './lib/i18n.svelte';

// The theme follows the OS, before the first frame and whenever it changes.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => (document.documentElement.dataset.theme = dark.matches ? 'dark' : 'light');
applyTheme();
dark.addEventListener('change', applyTheme);

// The catalogue of the user's language first (one small local chunk), so no
// frame is drawn with message ids.
await initUiLanguage();

const app = mount(App, { target: document.getElementById('app')! });

export default app;
