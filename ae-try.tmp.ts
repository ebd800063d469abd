import { run } from './app/cli/run'
import { toPlanFile } from './app/use-cases/plan-file'
import { buildDemoPlan } from './engine/demo-plan'
import { evaluatePlan } from './engine/model/evaluate'
const plan = buildDemoPlan()
const files = new Map<string, Uint8Array>()
files.set('plan.json', new TextEncoder().encode(JSON.stringify(toPlanFile(plan, new Date('2026-03-01T00:00:00Z')))))
const s = evaluatePlan(plan, { scenarioIds: [2] }).scenarios[0]!
const rows = ['地块名称,年份,实收单产（斤/亩）,售价（元/斤）']
s.fields.forEach((r, i) => { const f = plan.fields[i]!; rows.push(`${f.name},2025,${Math.round(r.yieldKgPerHa * 2 / 15 * (1 + 0.06 * Math.sin(i * 7)))},${i % 3 === 0 ? '1.1' : ''}`) })
files.set('a.csv', new TextEncoder().encode(rows.join('\n')))
files.set('bad.csv', new TextEncoder().encode('地块名称,年份,实收单产（斤/亩）\n无此地,2025,1300\n东岗一号地,2027,abc\n'))
const io = { readFile: (p: string) => { const b = files.get(p); if (!b) throw new Error('missing'); return b }, now: () => new Date('2026-03-01T00:00:00Z') }
for (const argv of [['actuals', 'plan.json', 'a.csv', '--scenario', '密植+水肥一体化'], ['actuals', 'plan.json', 'bad.csv'], ['actuals', 'plan.json', 'a.csv', '--scenario', '99']]) {
  const r = run(argv, 'zh-CN', io); console.log(r.code, r.stdout, r.stderr)
}
const r = run(['actuals', 'plan.json', 'a.csv', '--scenario', '2', '--units', 'kg/ha'], 'en', io); console.log(r.code, r.stdout.split('\n').slice(0, 8).join('\n'), r.stdout.split('\n').slice(-14).join('\n'), r.stderr)
