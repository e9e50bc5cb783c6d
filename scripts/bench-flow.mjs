// The questionnaire's flow under Node: what each tap costs a resident. After every
// answer the page rebuilds the flow (site/js/questions.js buildFlow), which screens
// variants of the household through the module's `brief` entry to decide which
// questions can still change a result. This walks residents of every region and
// size through it, answering as they might (now and then 不清楚), and prints what
// the builds took. Prints figures; asserts nothing.
//   node scripts/bench-flow.mjs [build/site]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const site = process.argv[2] || 'build/site';
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// questions.js imports nothing: loaded as it is, without a package type for site/.
const source = fs.readFileSync(path.join(root, 'site/js/questions.js'), 'utf8');
const Q = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));
const M = await require(path.resolve(site, 'screen.js'))({ wasmBinary: fs.readFileSync(path.resolve(site, 'screen.wasm')) });
const regions = JSON.parse(M.regions()).map((r) => r.id);

// As site/js/engine.js: parsed briefs cached by the household's text.
let moduleMs = 0, calls = 0, lookups = 0;
const briefs = new Map();
const brief = (household) => {
  lookups++;
  const text = JSON.stringify(household);
  const hit = briefs.get(text);
  if (hit) return hit;
  const t = performance.now();
  const got = JSON.parse(M.brief(text));
  moduleMs += performance.now() - t;
  calls++;
  const out = got.programs ? { programs: got.programs } : { errors: got.errors };
  briefs.set(text, out);
  return out;
};

// A resident's answer: options in turn by resident, 不清楚 now and then.
const AGES = [45, 70, 16, 12, 80, 8];
const answer = (f, who, k) => {
  if (f.unknown && (who + k) % 5 === 0) return Q.UNKNOWN;
  if (f.type === 'choice') return f.options[(who + f.id.length) % f.options.length];
  if (f.type === 'multi') return 'none';
  if (f.type === 'int') return f.id.endsWith('age') ? String(AGES[(who + Number(f.id[1])) % AGES.length]) : String(f.min || 0);
  return String([800, 0, 300][who % 3]);
};

const walk = (region, size, who, times) => {
  briefs.clear();  // a new visitor
  const answers = { hukou: who % 2 ? 'urban' : 'rural', size: String(size) };
  for (;;) {
    const t = performance.now();
    const flow = Q.buildFlow(region, answers, brief);
    times.push(performance.now() - t);
    const next = flow.flatMap((p) => p.fields).find((f) => answers[f.id] === undefined);
    if (!next) return;
    answers[next.id] = answer(next, who, Object.keys(answers).length);
  }
};

const SIZES = [1, 2, 3, 4, 6];
walk(regions[0], 3, 0, []);  // warm the JIT and the module
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
console.log('The questionnaire\'s flow, rebuilt after every answer (Node; residents of 1-6 members):');
console.log('region'.padEnd(16) + 'builds'.padStart(8) + 'median ms'.padStart(11) + 'p90 ms'.padStart(9) +
  'worst ms'.padStart(10) + 'module'.padStart(9) + 'briefs'.padStart(9));
const all = [];
for (const region of regions) {
  const times = [];
  const [ms0, calls0] = [moduleMs, calls];
  SIZES.forEach((size, i) => walk(region, size, i, times));
  const total = times.reduce((a, b) => a + b, 0);
  all.push(...times);
  times.sort((a, b) => a - b);
  console.log(region.padEnd(16) + String(times.length).padStart(8) + pct(times, 0.5).toFixed(1).padStart(11) +
    pct(times, 0.9).toFixed(1).padStart(9) + times[times.length - 1].toFixed(1).padStart(10) +
    `${Math.round((100 * (moduleMs - ms0)) / total)}%`.padStart(9) + String(calls - calls0).padStart(9));
}
const total = all.reduce((a, b) => a + b, 0);
console.log(`all: ${all.length} builds in ${total.toFixed(0)} ms; the module's brief (with JSON.parse) ${moduleMs.toFixed(0)} ms ` +
  `for ${calls} households; ${lookups} lookups of the page's cache. A phone is several times slower.`);
