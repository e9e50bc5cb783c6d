// WebAssembly benchmark under Node: the module the site ships, through its
// public JSON entry, for every region. Prints a table; asserts nothing.
//   node scripts/bench-wasm.mjs [build/site]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const site = process.argv[2] || 'build/site';
const require = createRequire(import.meta.url);
const t0 = performance.now();
const factory = require(path.resolve(site, 'screen.js'));
const Module = await factory({ wasmBinary: fs.readFileSync(path.resolve(site, 'screen.wasm')) });
const startup = performance.now() - t0;

const regions = JSON.parse(Module.regions()).map((r) => r.id);
const household = (region) => JSON.stringify({
  schema: 1, region, hukou: 'rural',
  members: [
    { age: 45, relation: 'head', labor: 'full', self_care: 'full', disability_grade: 0, serious_illness: false, school: 'none',
      orphan: false, unsupported_child: false, in_institution: false, has_capable_supporter: true, employed: true,
      newly_employed: false, veteran_5lao: false, income_monthly: { wages: 1500 } },
    { age: 70, relation: 'parent', labor: 'none', self_care: 'partial', disability_grade: 2, disability_kind: 'physical',
      serious_illness: true, school: 'none', orphan: false, unsupported_child: false, in_institution: false,
      has_capable_supporter: true, employed: false, newly_employed: false, veteran_5lao: false, income_monthly: { pension_basic: 150 } },
    { age: 16, relation: 'child', labor: 'none', self_care: 'full', disability_grade: 0, serious_illness: false, school: 'senior',
      orphan: false, unsupported_child: false, in_institution: false, has_capable_supporter: true, employed: false,
      newly_employed: false, veteran_5lao: false, income_monthly: {} },
  ],
  assets: { deposits: 2000, housing_area_m2: 36, owns_home: true },
  expenses_yearly: { medical: 6000, education: 1200, disaster: 0 },
  status: { dibao: false, tekun: false, low_income: false, dibao_marginal: false, poverty_registered: true, months_on_dibao: 0 },
  events: [{ kind: 'illness', months_ago: 3, cost: 20000, compensated: 12000 }], aid_this_year: { temporary: 0 },
});

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
for (const region of regions) {
  const input = household(region);
  for (let i = 0; i < 200; i++) Module.screen(input);  // warm up
  const samples = [];
  for (let r = 0; r < 15; r++) {
    const n = 300;
    const t = performance.now();
    for (let i = 0; i < n; i++) Module.screen(input);
    samples.push(((performance.now() - t) * 1000) / n);
  }
  rows.push({ region, us: median(samples) });
}
console.log(`WebAssembly module start-up: ${startup.toFixed(1)} ms`);
console.log('region           µs/household (median, JSON in + result JSON out)');
for (const r of rows) console.log(`${r.region.padEnd(16)} ${r.us.toFixed(1).padStart(8)}`);
const batch = regions.flatMap((r) => Array.from({ length: 400 }, () => household(r)));
const t = performance.now();
for (const h of batch) Module.screen(h);
const secs = (performance.now() - t) / 1000;
console.log(`batch: ${batch.length} households in ${(secs * 1000).toFixed(0)} ms = ${Math.round(batch.length / secs)} households/s`);
