import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// One build for three targets. main/ holds the desktop main process and the browser-mode server
// (both run the same handlers); the preload is CommonJS because a sandboxed preload cannot be ESM.
export default defineConfig({
  main: {
    build: {
      // The browser-mode server runs on the user's Node (≥ 20.19) as well as inside Electron.
      target: 'node20.19',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          main: resolve(import.meta.dirname, 'electron/main.ts'),
          serve: resolve(import.meta.dirname, 'app/serve/main.ts'),
          cli: resolve(import.meta.dirname, 'app/cli/main.ts'),
          bench: resolve(import.meta.dirname, 'app/bench/main.ts'),
          // The back-end host for the desktop app (a utilityProcess), and its job worker thread,
          // which browser mode's server starts too.
          'host-process': resolve(import.meta.dirname, 'app/host/process-main.ts'),
          'job-worker': resolve(import.meta.dirname, 'app/host/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
})
