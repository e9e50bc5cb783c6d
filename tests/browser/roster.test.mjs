// 台账比对 in headless Chromium: a 1,000-household roster with bad rows, saved as
// UTF-8 and as GBK (as Excel saves it on Chinese systems), screened on the page;
// the summary, the 应保未保 / 应退尽退 / 需走访 lists, the error rows and several
// households' statuses must be what `screen --csv --json` says natively, and the
// export what `screen --csv` writes. No request leaves the page after load;
// axe-core clean; 10,000 households (time printed); 360x740 screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { roster } from './roster-data.mjs';
import { startServer, launch, openPage, axe, shot, CLI, SHOTS, requireBuilt } from './lib.mjs';

requireBuilt();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-roster-'));
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); fs.rmSync(TMP, { recursive: true, force: true }); });

function write(name, text, gbk) {
  const utf8 = path.join(TMP, name + '.utf8.csv');
  fs.writeFileSync(utf8, text);
  if (!gbk) return utf8;
  const out = path.join(TMP, name + '.gbk.csv');
  fs.writeFileSync(out, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8]));
  return out;
}
const native = (file, args = []) => execFileSync(CLI, ['--csv', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const nativeJson = (file, args = []) => JSON.parse(native(file, ['--json', ...args]));

// Reads back what the page computed (its merged view and export) and what it shows.
async function runPage(page, file, region) {
  await page.setInputFiles('#roster-file', file);
  if (region) await page.selectOption('#roster-region', region);
  await page.click('#roster-start');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-roster') === 'done', null, { timeout: 120000 });
  return page.evaluate(() => {
    const keys = (id) => [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => tr.cells[0].textContent);
    const count = (id) => Number(document.getElementById(id).getAttribute('data-count'));
    const summary = [...document.querySelectorAll('#roster-summary tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent));
    return { ms: Number(document.documentElement.getAttribute('data-roster-ms')), done: document.getElementById('roster-done').textContent,
      should_have: keys('list-should-have'), should_exit: keys('list-should-exit'), visit: keys('list-visit'),
      counts: { should_have: count('list-should-have'), should_exit: count('list-should-exit'), visit: count('list-visit'), errors: count('list-errors') },
      errorRows: [...document.querySelectorAll('#list-errors tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
      why: Object.fromEntries(['list-should-exit', 'list-visit'].map((id) => [id, [...document.querySelectorAll(`#${id} tbody tr`)]
        .map((tr) => tr.cells[7].textContent)])),
      summary, exportHref: document.getElementById('roster-export') ? document.getElementById('roster-export').getAttribute('href') : null };
  });
}

const csvRows = (text) => text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

async function checkAgainstCli(page, file, name) {
  const expected = nativeJson(file);
  const got = await runPage(page, file);
  const flagged = (k) => expected.rows.filter((r) => r[k]).map((r) => r.key);
  assert.equal(got.counts.should_have, flagged('should_have').length, '应保未保 count');
  assert.equal(got.counts.should_exit, flagged('should_exit').length, '应退尽退 count');
  assert.equal(got.counts.visit, flagged('visit').length, '需走访 count');
  assert.deepEqual(got.should_have, flagged('should_have').slice(0, 200), '应保未保 households');
  assert.deepEqual(got.should_exit, flagged('should_exit').slice(0, 200), '应退尽退 households');
  assert.deepEqual(got.visit, flagged('visit').slice(0, 200), '需走访 households');
  const why = (k) => expected.rows.filter((r) => r[k]).map((r) => r.why || '—').slice(0, 200);
  assert.deepEqual(got.why['list-should-exit'], why('should_exit'), '应退尽退: what refused each');
  assert.deepEqual(got.why['list-visit'], why('visit'), '需走访: what to find out');
  assert.ok(got.why['list-visit'].length && got.why['list-visit'].every((w) => /^(需了解|低保|特困)：/.test(w)), 'each says why');
  const errs = [];
  for (const r of expected.rows) for (const e of r.errors) errs.push([String(e.row), r.key, e.column, e.message]);
  for (const e of expected.errors) errs.push([String(e.row), '', e.column, e.message]);
  errs.sort((a, b) => a[0] - b[0]);
  assert.ok(errs.length >= 10, 'the roster has bad rows');
  assert.equal(got.counts.errors, errs.length, 'error rows');
  assert.deepEqual(got.errorRows, errs.slice(0, 200), 'error rows: row, key, column, message');
  assert.deepEqual(got.summary, expected.summary.map((s) => [s.name, String(s.eligible), String(s.maybe), String(s.ineligible)]), 'summary');
  assert.match(got.done, new RegExp(`完成：${expected.households} 户`));
  // the export: the same rows as the CLI's (UTF-8 with BOM in the download); the
  // text box shows the same text (a textarea turns CRLF into LF)
  assert.ok(got.exportHref && got.exportHref.startsWith('blob:'), 'a download link');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#roster-export')]);
  const bytes = fs.readFileSync(await dl.path());
  assert.equal(dl.suggestedFilename(), '兜底通比对结果.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the download starts with a UTF-8 BOM');
  got.exportText = bytes.toString('utf8');
  // the select-all box is filled when opened (a megabyte of text would freeze a phone)
  assert.equal(await page.inputValue('#roster-export-text'), '', 'the box is empty until opened');
  await page.click('#roster-export-text >> xpath=.. >> summary');
  await page.waitForSelector('details[data-filled] #roster-export-text', { state: 'attached' });
  assert.equal((await page.inputValue('#roster-export-text')), got.exportText.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  assert.equal(got.exportText, native(file), 'export = screen --csv, byte for byte');
  // several households: every household's row is the CLI's; a listed one's 低保
  // and 特困 statuses (what the lists show) are in it
  const exportByKey = new Map(csvRows(got.exportText).slice(1).map((l) => [l.split(',')[0], l]));
  const cliRows = csvRows(native(file));
  for (const key of ['H00000', 'H00001', 'H00002', 'H00500', 'H00999', ...expected.rows.slice(0, 5).map((r) => r.key)]) {
    const line = exportByKey.get(key);
    assert.ok(line, key + ' exported');
    assert.equal(line, cliRows.find((l) => l.startsWith(key + ',')), `${key} row as the CLI writes it`);
    const r = expected.rows.find((x) => x.key === key);
    if (!r) continue;
    assert.deepEqual(Object.keys(r.programs).sort(), r.errors.length ? [] : ['dibao', 'tekun'].filter((id) => r.programs[id]));
    for (const [id, p] of Object.entries(r.programs)) assert.ok(line.includes({ eligible: '符合', maybe: '可能符合', ineligible: '不符合' }[p.status]), `${key} ${id}`);
  }
  console.log(`# ${name}: ${expected.households} households, ${errs.length} error rows, screened in ${got.ms} ms`);
  return got;
}

test('1,000 households in UTF-8 and in GBK: the lists and statuses are what the CLI says; nothing leaves the page', async () => {
  const text = roster(1000);
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'roster.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    await page.waitForSelector('#roster-template-text', { state: 'attached' });
    assert.deepEqual(await axe(page), [], 'axe-core on the empty page');
    await shot(page, 'roster-00-start');
    log.requests.length = 0;
    await checkAgainstCli(page, write('r1000', text, false), 'UTF-8');
    assert.deepEqual(await axe(page), [], 'axe-core with results');
    await shot(page, 'roster-01-results');
    await page.screenshot({ path: path.join(SHOTS, 'roster-01-results-full.png'), fullPage: true });
    const gbk = write('r1000', text, true);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(gbk)), 'the GBK file is not UTF-8');
    const got = await checkAgainstCli(page, gbk, 'GBK');
    assert.match(await page.textContent('#roster-encoding'), /GB18030/);
    await page.evaluate(() => document.getElementById('list-errors').scrollIntoView());
    await shot(page, 'roster-02-errors');
    // At phone width the lists are cards: nothing to scroll sideways, every value under its column's name.
    const wide = await page.evaluate(() => [...document.querySelectorAll('.dd-roster-list .dd-table-wrap')]
      .filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.closest('section').id));
    assert.deepEqual(wide, [], 'lists wider than the phone');
    assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('#list-errors td'), '::before').content), /问题|列|户编号/);
    assert.deepEqual(log.requests.filter((u) => !u.startsWith('blob:')), [], 'requests after load');
    assert.deepEqual(log.errors, [], 'console errors');
  } finally {
    await page.close();
  }
});

// Files as they come damaged: the page decodes them as the CLI does (doudi::reads_as_utf8,
// then UTF-8 or GB18030 with U+FFFD where a character is broken), so the export is the same.
test('damaged files are read as the CLI reads them: GBK with € and cut short, UTF-8 with a stray byte', async () => {
  const gbk = (s) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s });
  const head = '户编号,地区,户籍,姓名,年龄,月工资\n';
  const files = [
    ['gbk-damaged', /GB18030/, Buffer.concat([gbk(head + 'A1,quangang-2020,农村,李'), Buffer.from([0x80]),
      gbk('四,45,100\nA2,quangang-2020,农村,王五,45,100\nA3,quangang-2020,农村,赵'), Buffer.from([0xD5])])],
    ['utf8-stray-byte', /UTF-8（有损坏的字节）/, Buffer.concat([Buffer.from(head + 'A1,quangang-2020,农村,Jos'), Buffer.from([0xE9]),
      Buffer.from(',45,100\nA2,quangang-2020,农村,王五,45,100\n')])],
  ];
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'roster.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    for (const [name, encoding, bytes] of files) {
      const file = path.join(TMP, name + '.csv');
      fs.writeFileSync(file, bytes);
      const cli = native(file);
      assert.match(cli, /\r\nA2,福建省泉州市泉港区,1,/, `${name}: the CLI reads it`);
      await runPage(page, file);
      assert.match(await page.textContent('#roster-encoding'), encoding, name);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#roster-export')]);
      assert.equal(fs.readFileSync(await dl.path()).toString('utf8'), cli, `${name}: export = screen --csv, byte for byte`);
    }
    assert.deepEqual(log.errors, [], 'console errors');
  } finally {
    await page.close();
  }
});

// A 花名册 as a county keeps it: a title above the header, its own column names
// (户号, 年龄（岁）, 是否低保户), columns of its own (序号, 身份证号), no 特困 column.
// The page reads it, and says first what it skipped and what it could not judge.
test('a roster with a title row and its own column names: read, and its notes shown above the lists', async () => {
  const file = write('own-headers', '泉港区2020年6月城乡低保对象花名册,,,,,,,\n' +
    '序号,户号,身份证号,户籍性质,与户主的关系,年龄（岁）,月工资（元）,是否低保户\n' +
    '1,A1,350505197001011234,农业,户主,45,0,否\n2,A1,350505197501011234,农业,妻,44,0,否\n', true);
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'roster.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    const got = await runPage(page, file, 'quangang-2020');
    const expected = nativeJson(file, ['--region', 'quangang-2020']);
    assert.deepEqual(got.visit, ['A1'], 'read as the household it is: 低保 may apply (存款 not given)');
    assert.deepEqual(expected.rows.map((r) => [r.key, r.size, r.per_capita_monthly, r.visit]), [['A1', 2, 0, true]]);
    assert.equal(got.counts.errors, 0);
    assert.deepEqual(await page.$$eval('#roster-notes li', (els) => els.map((e) => e.textContent)), [
      '表头不在第1行：表头上面的标题等行没有读取',
      '没有“特困人员”列（列名请用模板的）：特困的应保未保、应退尽退无法判断，没有列出',
      '这些列不是模板的列，没有读取：序号、身份证号']);
    assert.deepEqual(expected.ignored_columns, ['序号', '身份证号']);
    assert.equal(expected.notes.length, 2);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('the template has the Chinese headers the CLI writes, a byte-order mark for Excel, and every column explained', async () => {
  const { page } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'roster.html');
    await page.waitForSelector('#roster-template-text', { state: 'attached' });
    const t = await page.inputValue('#roster-template-text');
    const cli = execFileSync(CLI, ['--csv-template'], { encoding: 'utf8' }).replace(/^\uFEFF/, '');
    assert.equal(t, cli.replace(/\r\n/g, '\n'));
    assert.match(t, /^户编号,地区,户籍/);
    // The download: Excel on Chinese Windows reads a CSV without a BOM as GBK.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#roster-template-link')]);
    const head = [...fs.readFileSync(await download.path()).subarray(0, 6)];
    assert.deepEqual(head, [0xEF, 0xBB, 0xBF, 0xE6, 0x88, 0xB7], 'BOM, then 户');
    // The page's guide names every column of the template.
    const guide = await page.$$eval('#roster-columns dt', (dts) => dts.map((d) => d.textContent.split('、')).flat());
    assert.deepEqual(t.trim().split(',').filter((c) => !guide.includes(c)), [], 'columns the guide does not explain');
  } finally {
    await page.close();
  }
});

// Time and the longest frame gap are printed, not asserted: speed is the benchmarks' (./do bench).
test('10,000 households are all screened on the page, with the CLI\'s flags', async () => {
  const file = write('r10000', roster(10000, { region: true }), false);
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'roster.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    // a heartbeat on the page: the longest gap between animation frames while screening
    await page.evaluate(() => { window.__gap = 0; let last = performance.now(); const f = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; if (!window.__stop) requestAnimationFrame(f); }; requestAnimationFrame(f); });
    const t0 = Date.now();
    const got = await runPage(page, file, 'quangang-2020');
    const wall = Date.now() - t0;
    const gap = await page.evaluate(() => { window.__stop = true; return window.__gap; });
    console.log(`# 10,000 households: ${got.ms} ms on the page (file read to lists shown), ${wall} ms wall; longest frame gap ${Math.round(gap)} ms`);
    const expectedN = nativeJson(file, ['--region', 'quangang-2020']).households;
    assert.ok(expectedN > 9900);
    assert.match(got.done, new RegExp(`完成：${expectedN} 户`));
    const expected = nativeJson(file, ['--region', 'quangang-2020']);
    assert.equal(got.counts.should_have, expected.rows.filter((r) => r.should_have).length);
    assert.equal(got.counts.should_exit, expected.rows.filter((r) => r.should_exit).length);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});
