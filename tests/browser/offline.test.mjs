// Offline use: after one visit the site works with no network. The service worker
// (sw.js, written by scripts/region-pages.mjs) precaches every page and hashed file;
// with the server stopped and the browser offline, the self-check reloads and
// screens a household exactly as the CLI does, and the region pages open. A new
// build (a changed policy) reaches the browser on its next online visit: new
// service worker version, old caches deleted. The page names its policy document
// and data version; the web app manifest makes the site installable. 台账比对 runs
// offline on a GBK roster once its page has been opened online: its module is
// not downloaded for residents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { launch, openPage, walk, shownPrograms, moneyText, cli, shot, ROOT, SITE, CLI } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';
import { roster } from './roster-data.mjs';

const DIR = process.env.DOUDI_SITE ? path.resolve(ROOT, process.env.DOUDI_SITE) : SITE;
if (!fs.existsSync(path.join(DIR, 'sw.js'))) throw new Error(`${DIR}/sw.js is missing: run scripts/build-site.sh`);
if (!fs.existsSync(CLI)) throw new Error('build/native/screen is missing: cmake --preset native && cmake --build build/native');

// A copy of the site that the test can rebuild (the update), served on a fixed port
// so the origin, and with it the service worker, stays the same across restarts.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-offline-'));
const COPY = path.join(TMP, 'site');
fs.cpSync(DIR, COPY, { recursive: true });
const PORT = 20000 + Math.floor(Math.random() * 1000);
const URL0 = `http://127.0.0.1:${PORT}/`;
let proc = null;
async function serve() {
  proc = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), COPY], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(URL0)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the static server did not start');
}
async function stop() {
  if (!proc) return;
  const p = proc; proc = null;
  await new Promise((r) => { p.once('exit', r); p.kill(); });
}
const swVersion = () => /const VERSION = '([0-9a-f]{10})'/.exec(fs.readFileSync(path.join(COPY, 'sw.js'), 'utf8'))[1];
const dataVersion = () => /screen\.([0-9a-f]{10})\.wasm/.exec(fs.readdirSync(COPY).join(' '))[1];

let browser;
before(async () => { await serve(); browser = await launch({ serviceWorkers: 'allow' }); });
after(async () => {
  if (browser) await browser.close();
  await stop();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const cacheKeys = (page) => page.evaluate(() => caches.keys());
// The names of the cached files, as the site's relative paths.
const cachedFiles = (page) => page.evaluate(async () => {
  const names = [];
  for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname.slice(1));
  return names;
});
const rosterModule = /^roster\.[0-9a-f]{10}\.(js|wasm)$/;

test('one visit, then no network: the self-check reloads and screens a household; region pages open', async () => {
  const { page, log } = await openPage(browser.context);
  await page.goto(URL0 + '#region=quangang-2020');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-offline') === 'ready', null, { timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.deepEqual(await cacheKeys(page), ['doudi-' + swVersion()]);
  // Which policy the page uses, and that it is kept for offline use.
  await page.waitForFunction(() => /政策文件：/.test(document.getElementById('dd-version').textContent));
  const footer = await page.textContent('#dd-version');
  assert.ok(footer.includes(`政策文件：泉港民〔2020〕40号（2020-05-28），数据版本 ${dataVersion()}`), footer);
  assert.ok(footer.includes('没有网络也能用'), footer);
  // Installable: a manifest with name, icons, start_url and display, and a service worker.
  const cdp = await browser.context.newCDPSession(page);
  const inst = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(inst.installabilityErrors, [], JSON.stringify(inst));
  const man = await cdp.send('Page.getAppManifest');
  assert.deepEqual(man.errors, []);
  const manifest = JSON.parse(man.data);
  assert.equal(manifest.short_name, '兜底通');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './index.html');
  // A resident's visit leaves the roster page's module alone; staff opening the
  // roster page once online keep it for offline use.
  assert.deepEqual((await cachedFiles(page)).filter((f) => rosterModule.test(f)), []);
  // Offline before that, the roster page says how to get its module, not that the browser failed.
  await browser.context.setOffline(true);
  await page.goto(URL0 + 'roster.html');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'failed');
  assert.match(await page.textContent('#roster-status'), /请在联网时打开本页一次，之后断网也能用/);
  await browser.context.setOffline(false);
  await page.goto(URL0 + 'roster.html');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
  for (let tries = 0; (await cachedFiles(page)).filter((f) => rosterModule.test(f)).length < 2; tries++) {
    assert.ok(tries < 100, 'the roster module was not kept: ' + (await cachedFiles(page)).join(' '));
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.goto(URL0);

  await stop();
  await browser.context.setOffline(true);
  try {
    // The self-check: a household answered page by page, results as the CLI says.
    const { name, household } = HOUSEHOLDS.find((x) => x.household.region === 'quangang-2020') || HOUSEHOLDS[0];
    await page.reload();
    await page.waitForSelector('input[name="region"]');
    const run = await walk(page, log, URL0, household, 'offline-' + name, { shots: false });
    assert.deepEqual(run.violations, []);
    await shot(page, 'offline-results');
    const expected = JSON.parse(cli(household));
    const shown = await shownPrograms(page);
    assert.deepEqual(Object.keys(shown).sort(), expected.programs.map((p) => p.id).sort());
    for (const p of expected.programs) {
      assert.equal(shown[p.id].status, p.status, `${p.id} status offline`);
      if (p.amount && p.status !== 'ineligible') assert.ok(shown[p.id].amount.includes(moneyText(p.amount.value)), `${p.id} amount offline`);
    }
    // A shared link (query added by WeChat), the region pages and the staff pages.
    await page.goto(URL0 + 'index.html?region=xinmi-2016&from=singlemessage&isappinstalled=0');
    await page.waitForSelector('input[name="region"]');
    assert.ok(await page.isChecked('input[name="region"][value="xinmi-2016"]'));
    await page.goto(URL0 + 'regions/hebi-2017.html');
    assert.ok((await page.textContent('#p-dibao tr[data-param="standard_rural"]')).includes('3210'));
    await page.waitForSelector('#rg-qr svg');
    await shot(page, 'offline-region-hebi');
    await page.goto(URL0 + 'regions/compare.html');
    assert.ok(await page.$('.rg-compare'));
    const res = await page.goto(URL0 + 'staff.html');
    assert.ok(res && res.ok(), 'staff.html offline');
    // A mistyped page offline: the start page, working, at its own address.
    await page.goto(URL0 + 'regions/nonexistent.html');
    await page.waitForSelector('input[name="region"]');
    assert.equal(new URL(page.url()).pathname, '/');
    // 台账比对 offline: a GBK roster (as Excel saves it) screened in the worker, the
    // 应保未保 and 应退尽退 counts as the CLI says.
    const utf8 = path.join(TMP, 'roster.utf8.csv');
    fs.writeFileSync(utf8, roster(200));
    const gbk = path.join(TMP, 'roster.gbk.csv');
    fs.writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8]));
    await page.goto(URL0 + 'roster.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    await page.setInputFiles('#roster-file', gbk);
    await page.click('#roster-start');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-roster') === 'done', null, { timeout: 120000 });
    const rows = JSON.parse(execFileSync(CLI, ['--csv', '--json', gbk], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] })).rows;
    for (const [list, flag] of [['list-should-have', 'should_have'], ['list-should-exit', 'should_exit']])
      assert.equal(Number(await page.getAttribute('#' + list, 'data-count')), rows.filter((r) => r[flag]).length, flag + ' offline');
    await shot(page, 'offline-roster');
    assert.deepEqual(log.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});

test('a new build reaches the browser on its next online visit: new version, old caches deleted', async () => {
  if (!proc) await serve();
  const { page } = await openPage(browser.context);
  await page.goto(URL0 + 'regions/quangang-2020.html');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const before = swVersion();
  assert.deepEqual(await cacheKeys(page), ['doudi-' + before]);
  // Rebuild the copy from a changed policy: 泉港 raises its 低保标准 to 8760 元/年.
  const pol = path.join(TMP, 'policies');
  fs.cpSync(path.join(ROOT, 'policies'), pol, { recursive: true });
  const f = path.join(pol, 'quangang-2020.json');
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll('"value": 8640', '"value": 8760'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'region-pages.mjs'), '--policies', pol, '--site', path.join(ROOT, 'site'), '--out', COPY], { stdio: 'ignore' });
  const after = swVersion();
  assert.notEqual(after, before);
  await page.reload();
  await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === 'doudi-' + v), after, { timeout: 30000, polling: 200 });
  await page.reload();
  assert.ok((await page.textContent('#p-dibao tr[data-param="standard_rural"]')).includes('8760'));
  // And it is what the browser keeps for offline use.
  await stop();
  await browser.context.setOffline(true);
  try {
    await page.reload();
    assert.ok((await page.textContent('#p-dibao tr[data-param="standard_rural"]')).includes('8760'));
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});
