import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

// The theme follows the OS, before the first frame and whenever it changes.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => (document.documentElement.dataset.theme = dark.matches ? 'dark' : 'light');
applyTheme();
dark.addEventListener('change', applyTheme);

const app = mount(App, { target: document.getElementById('app')! });

export default app;
