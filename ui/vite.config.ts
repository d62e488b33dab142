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
    rollupOptions: {
      output: {
        // One file per language besides English (which is in the main
        // bundle), loaded when the user's language is chosen.
        manualChunks(id: string) {
          const lang = /\/locales\/([a-z]{2})\//.exec(id)?.[1];
          return lang && lang !== 'en' ? `locale-${lang}` : undefined;
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
