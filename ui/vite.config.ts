/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files from ui/dist; the dev server runs on a fixed port
// (tauri.conf.json devUrl). No remote assets: everything is bundled.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep the module preload polyfill out of inline scripts (CSP: script-src 'self').
    modulePreload: { polyfill: false },
  },
  test: {
    include: ['src/**/*.test.ts'],
    // The English catalogue, as the app loads it before its first screen.
    setupFiles: ['src/lib/i18n.setup.ts'],
    environment: 'node',
  },
});
