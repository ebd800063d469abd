// npm run bench: one JSON line per figure (see measure.ts). Each suite is a module of its own;
// scripts/bench.mjs runs this file with --expose-gc, then the UI figures in Chromium, and with
// --check fails when any figure misses its bar.
import { benchBounds } from './bounds'
import { benchBundle } from './bundle'
import { benchCsv } from './csv'
import { benchDb } from './db'
import { benchEngine } from './engine'
import { benchHost } from './host'
import { benchOptimiser } from './optimiser'
import { benchRiskCores } from './risk-cores'
import { benchSeason } from './season'

const suites: { name: string; run: () => void | Promise<void> }[] = [
  { name: 'engine', run: benchEngine },
  { name: 'bounds', run: benchBounds },
  { name: 'bundle', run: benchBundle },
  { name: 'risk-cores', run: benchRiskCores },
  { name: 'csv', run: benchCsv },
  { name: 'db', run: benchDb },
  { name: 'host', run: benchHost },
  { name: 'optimiser', run: benchOptimiser },
  { name: 'season', run: benchSeason },
]

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'))
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue
  await suite.run()
}
