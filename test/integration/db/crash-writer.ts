// Child process of the crash-safety test: writes one field (with six history rows and an audit
// line) per transaction through the real repository, and prints "ack k" after each COMMIT.
import { openDatabase } from '../../../db/connection'
import { createField } from '../../../db/repositories/fields'
import { validField } from '../../helpers/fields'

const [file, startArg] = process.argv.slice(2)
const { db } = openDatabase(file!)
const ctx = { actor: 'crash-test', now: () => new Date() }
process.stdout.write('ready\n')
for (let k = Number(startArg); ; k++) {
  createField(db, ctx, {
    ...validField,
    name: `f-${k}`,
    areaHa: 1 + (k % 50),
    note: 'x'.repeat(k % 200),
    history: [2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({ year, yieldKgPerHa: 10_000 + year })),
  })
  // Pipes are synchronous on Linux: once this returns, the parent can read the ack.
  process.stdout.write(`ack ${k}\n`)
}
