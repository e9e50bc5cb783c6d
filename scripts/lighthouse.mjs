// Lighthouse (mobile emulation) on the built site served locally with Debian's
// Chromium. Prints the scores; with --check exits 1 when accessibility or best
// practices fall below 95.
//   node scripts/lighthouse.mjs [--check]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 50; i++) {
  try { await fetch(url); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
}
const out = path.join(os.tmpdir(), `lighthouse-${port}.json`);
const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
try {
  execFileSync(path.resolve('node_modules/.bin/lighthouse'), [url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags}`],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  server.kill();
}
const report = JSON.parse(fs.readFileSync(out, 'utf8'));
const score = (k) => Math.round(report.categories[k].score * 100);
const scores = { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') };
console.log('Lighthouse (mobile): ' + Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', '));
const metric = (k) => report.audits[k] && report.audits[k].displayValue;
const bytes = report.audits['network-requests'].details.items.reduce((n, it) => n + (it.transferSize || 0), 0);
console.log(`  first contentful paint ${metric('first-contentful-paint')}, largest contentful paint ${metric('largest-contentful-paint')}, ` +
  `layout shift ${metric('cumulative-layout-shift')}, blocking ${metric('total-blocking-time')}; ${(bytes / 1024).toFixed(1)} KB transferred (simulated slow 4G)`);
for (const a of Object.values(report.audits))
  if (a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary') console.log(`  failed audit: ${a.id} — ${a.title}`);
if (process.argv.includes('--check') && (scores.accessibility < 95 || scores['best-practices'] < 95)) {
  console.error('accessibility and best practices must be at least 95');
  process.exit(1);
}
