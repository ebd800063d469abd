import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { catalogueParts } from './vite-catalogues.ts'

// antd and the rc-component family it is built from; recharts and the d3 and redux code under it.
const ANTD = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs)[\\/]/
const RECHARTS =
  /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs|redux|react-redux|reselect|immer|decimal\.js-light|eventemitter3|es-toolkit)[\\/]/

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
          // A Monte Carlo worker thread for the bench's all-cores figure (app/bench/risk-cores.ts).
          'risk-bench-worker': resolve(import.meta.dirname, 'app/bench/risk-bench-worker.ts'),
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
    plugins: [react(), catalogueParts()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the first screen's JavaScript has a budget
      // (DESIGN §6: 1.2 MB minified), and every byte is parsed on a modest laptop at each start.
      minify: true,
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
        output: {
          // Vendor code in chunks of its own, which change less often than the app. What the first
          // screen needs ($initial) is kept apart from what only later screens load: the charts,
          // and the antd components the overview does not use.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
              { name: 'antd', test: ANTD, tags: ['$initial'], priority: 40 },
              { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 30 },
              { name: 'recharts', test: RECHARTS, priority: 20 },
              { name: 'antd-more', test: ANTD, priority: 10 },
            ],
          },
        },
      },
    },
  },
})
