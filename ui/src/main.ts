import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { initUiLanguage } from './lib/i18n.svelte';

// The theme follows the OS, before the first frame and whenever it changes.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => (document.documentElement.dataset.theme = dark.matches ? 'dark' : 'light');
applyTheme();
dark.addEventListener('change', applyTheme);

// Focus always shows for keyboard users: `:focus-visible` alone is a browser
// heuristic, and focus a dialog moves by script after a Tab did not always
// match it in WebKitGTK. A key press marks the page, a pointer unmarks it.
const root = document.documentElement;
window.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' || e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') root.classList.add('keyboard');
}, true);
window.addEventListener('pointerdown', () => root.classList.remove('keyboard'), true);

// The catalogue of the user's language first (one small local chunk), so no
// frame is drawn with message ids.
await initUiLanguage();

const app = mount(App, { target: document.getElementById('app')! });

export default app;
