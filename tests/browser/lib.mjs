// Shared helpers of the browser tests: the static server, Debian's Chromium via
// playwright-core, axe-core, screenshots and the native CLI.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = path.join(ROOT, 'build', 'site');
export const CLI = path.join(ROOT, 'build', 'native', 'screen');
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function requireBuilt() {
  for (const f of [path.join(SITE, 'index.html'), path.join(SITE, 'screen.wasm'), CLI])
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run ./do test (or cmake --preset native && scripts/build-site.sh)`);
}

// A file of build/site/ by its content-hashed name: 'roster', '.wasm' -> roster.0123456789.wasm.
export function hashedFile(stem, ext) {
  const re = new RegExp(`^${stem}\\.[0-9a-f]{10}\\${ext}$`);
  const found = fs.readdirSync(SITE).filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`build/site has ${found.length} files ${stem}.<hash>${ext}`);
  return path.join(SITE, found[0]);
}

export async function startServer(dir = SITE) {
  const port = 19000 + Math.floor(Math.random() * 1000);
  const proc = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), dir], {
    env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, stop: () => proc.kill() }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill();
  throw new Error('the static server did not start');
}

// Service workers are blocked unless asked for (offline.test.mjs): with one
// installed, page.route() no longer sees the page's requests, and the pages must
// work without one anyway (some webviews have none).
export async function launch(opts = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, serviceWorkers: opts.serviceWorkers || 'block',
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, locale: 'zh-CN',
  });
  return { context, close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

// Opens a page that records console errors, CSP violations and every request.
export async function openPage(context) {
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  return { page, log };
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Serious or critical axe-core violations of the page as it is now (open <details> too).
export async function axe(page) {
  // Evaluated over the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE + '\n;true');
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  });
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: false });
}

export function cli(household) {
  try {
    return execFileSync(CLI, ['-'], { input: JSON.stringify(household), encoding: 'utf8' });
  } catch (e) {
    if (e.status === 2 && e.stdout) return e.stdout;  // errors still print a result
    throw e;
  }
}

// ------------------------------------------------------------------ the resident
// Answers the questionnaire from a household of the contract, as a resident
// would: reads which questions the page shows (by their field ids) and answers
// each from the household; a fact the household leaves out is answered 不清楚.
const STATUS = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'];
export function answerFor(h, id) {
  const U = '?';
  const b = (v) => (v === undefined ? U : String(!!v));
  if (id === 'hukou') return h.hukou;
  if (id === 'size') return String(h.members.length);
  let m = /^m(\d+)\.(.+)$/.exec(id);
  if (m) {
    const x = h.members[Number(m[1])];
    const k = m[2];
    if (k === 'age') return String(x.age);
    if (k === 'relation') return x.relation;
    if (k === 'disability_grade') return x.disability_grade === undefined ? U : String(x.disability_grade);
    if (k === 'disability_kind') return x.disability_kind || U;
    if (['self_care', 'school', 'labor'].includes(k)) return x[k] === undefined ? U : x[k];
    if (k === 'has_income') {
      if (!x.income_monthly) return U;
      return Object.values(x.income_monthly).some((v) => v > 0) ? 'yes' : 'no';
    }
    const inc = /^inc\.(\w+)$/.exec(k);
    if (inc) return x.income_monthly && x.income_monthly[inc[1]] ? String(x.income_monthly[inc[1]]) : '';
    return b(x[k]);
  }
  const money = (v) => (v === undefined ? U : String(v));
  if (id === 'deposits') return money(h.assets && h.assets.deposits);
  if (id === 'owns_home') return b(h.assets && h.assets.owns_home);
  if (id === 'housing_area_m2') return money(h.assets && h.assets.housing_area_m2);
  m = /^exp\.(\w+)$/.exec(id);
  if (m) return money(h.expenses_yearly && h.expenses_yearly[m[1]]);
  if (id === 'has_event') return h.events === undefined ? U : (h.events.length ? 'yes' : 'no');
  m = /^ev\.(\w+)$/.exec(id);
  if (m) {
    const v = h.events[0][m[1]];
    return m[1] === 'compensated' && v === undefined ? '' : money(v);
  }
  if (id === 'temporary') return money(h.aid_this_year && h.aid_this_year.temporary);
  if (id === 'status') {
    if (!h.status) return U;
    const on = STATUS.filter((k) => h.status[k]);
    return on.length ? on.join(',') : 'none';
  }
  if (id === 'months_on_dibao') return money(h.status && h.status.months_on_dibao);
  throw new Error('the test resident has no answer for ' + id);
}

// Fills in the page on screen; returns the field ids answered.
export async function answerPage(page, household) {
  const fields = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('#dd-main form input')) {
      if (el.name.endsWith('-unknown') || out.some((f) => f.name === el.name)) continue;
      out.push({ name: el.name, type: el.type });
    }
    return out;
  });
  for (const f of fields) {
    const v = answerFor(household, f.name);
    if (f.type === 'radio' || f.type === 'checkbox') {
      for (const one of v.split(',')) {
        const sel = `#dd-main input[name="${f.name}"][value="${one}"]`;
        if (!(await page.$(sel))) throw new Error(`no option ${one} for ${f.name}`);
        await page.click(`label[for="${await page.getAttribute(sel, 'id')}"]`);
      }
    } else if (v === '?') {
      await page.fill(`#dd-main input[name="${f.name}"]`, '');
      const unk = `#dd-main input[name="${f.name}-unknown"]`;
      if (!(await page.$(unk))) throw new Error(`${f.name} offers no 不清楚`);
      if (!(await page.isChecked(unk))) await page.click(`label[for="${await page.getAttribute(unk, 'id')}"]`);
    } else {
      await page.fill(`#dd-main input[name="${f.name}"]`, v);
    }
  }
  return fields.map((f) => f.name);
}

export const view = (page) => page.evaluate(() => document.documentElement.getAttribute('data-view'));

// Plays a resident through the questionnaire from the start page to the results:
// every page answered from `household`, an axe-core check and a 360x740
// screenshot of each. Returns what happened on the way.
export async function walk(page, log, baseUrl, household, name, opts = {}) {
  const pages = [];
  const violations = [];
  const check = async (label) => {
    const v = await axe(page);
    if (v.length) violations.push({ page: label, violations: v });
    if (opts.shots !== false) await shot(page, label);
  };
  await page.goto(`${baseUrl}#region=${household.region}`);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-engine'));
  const engine = await page.evaluate(() => document.documentElement.getAttribute('data-engine'));
  if (engine !== 'ready') throw new Error('the module did not start: ' + engine + ' ' + log.errors.join(' | '));
  await page.waitForSelector('input[name="region"]');
  await check(`${name}-00-start`);
  log.requests.length = 0;   // from the first answer on, nothing may leave the page
  const region = `input[name="region"][value="${household.region}"]`;
  if (!(await page.isChecked(region))) await page.click(`label[for="${await page.getAttribute(region, 'id')}"]`);
  await page.click('#dd-main button[type="submit"]');
  for (let step = 1; step < 120; step++) {
    await page.waitForSelector('#dd-main h1');
    const v = await view(page);
    if (v === 'results') break;
    if (v === 'failure') throw new Error('the failure page appeared: ' + log.errors.join(' | '));
    const ids = await answerPage(page, household);
    pages.push({ view: v, fields: ids });
    await check(`${name}-${String(step).padStart(2, '0')}-${v}`);
    await page.click('#dd-main button[type="submit"]');
    const errs = await page.$$eval('.dd-error-summary li', (els) => els.map((e) => e.textContent));
    if (errs.length) throw new Error(`errors on ${v} (${ids.join(', ')}): ${errs.join('; ')}`);
  }
  await page.waitForSelector('.dd-results');
  await check(`${name}-99-results`);
  if (opts.shots !== false) await page.screenshot({ path: path.join(SHOTS, `${name}-99-results-full.png`), fullPage: true });
  return { pages, violations, requests: log.requests.slice() };
}

// What the results page shows: {programId: {status, amount text, text, basis}}.
export async function shownPrograms(page) {
  return page.$$eval('.dd-program', (els) => Object.fromEntries(els.map((e) => [e.querySelector('h3').id.replace(/^prog-/, ''), {
    status: (/dd-status-(\w+)/.exec(e.className) || [])[1],
    amount: e.querySelector('.dd-amount') ? e.querySelector('.dd-amount').textContent : null,
    text: e.textContent,
    missing: [...e.querySelectorAll('.dd-missing li')].map((li) => li.firstChild.textContent),
    // the apply block's 办理依据: each citation's label, and whether its clause text is there to open
    basis: [...e.querySelectorAll('.dd-apply-basis .dd-cite')].map((c) => ({
      label: (c.querySelector('summary') ? c.querySelector('summary').firstChild : c).textContent,
      text: !!c.querySelector('blockquote'),
    })),
  }])));
}

export function moneyText(v) {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0$/, '');
}
