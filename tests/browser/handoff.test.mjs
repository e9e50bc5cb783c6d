// 预审单: the printable hand-off with a QR code. The code is shown only after a
// warning; its URL carries the household in the #fragment (compact); opening the
// URL in a fresh page restores the same answers and results; nothing is requested.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, openPage, axe, shot, cli, shownPrograms, SHOTS, requireBuilt } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';
import { fillStaff, staffResults } from './staff-lib.mjs';

requireBuilt();
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const statuses = (r) => Object.fromEntries(r.programs.map((p) => [p.id, p.status]));

test('预审单 round trip: warning, QR, the URL reopens the same answers and results in a fresh page', async () => {
  const three = HOUSEHOLDS.filter((x) => x.household.members.length >= 3);
  assert.ok(three.length, 'a household of three or more');
  // and a small 泉港 household, whose many 可能符合 programs make the longest sheet
  const small = HOUSEHOLDS.filter((x) => x.household.region === 'quangang-2020' && x.household.members.length < 3).slice(0, 1);
  // and an orphan and a person alone without a supporter, whose lines name those facts
  const facts = HOUSEHOLDS.filter((x) => x.name === 'xinmi-orphan' || x.name === 'zhongwei-alone');
  // and a household of two ages and a 残疾等级 only: seven 可能符合 rows, each with what is
  // still to check (it ran to a second page, the QR code on it)
  const sparse = [{ name: 'hebi-sparse', household: { schema: 1, region: 'hebi-2017', hukou: 'rural',
    members: [{ age: 45, relation: 'head' }, { age: 40, relation: 'spouse', disability_grade: 1 }] } }];
  for (const { name, household } of [...three.slice(0, 3), ...small, ...facts, ...sparse]) {
    const { page, log } = await openPage(browser.context);
    try {
      await page.goto(server.url + 'staff.html');
      await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
      log.requests.length = 0;
      await fillStaff(page, household);
      await staffResults(page);
      const filled = await page.evaluate(() => Object.fromEntries([...document.getElementById('dd-form').elements].filter((e) => e.name).map((e) => [e.name, e.value])));
      await page.keyboard.press('Alt+P');
      await page.waitForSelector('#dd-handoff');
      // the warning comes first, and no code is on the page yet
      assert.match(await page.textContent('#dd-handoff .dd-warning'), /任何人扫描或拍下/);
      assert.equal(await page.$('.dd-qr'), null, 'no QR before the warning is accepted');
      const expected = JSON.parse(cli(household));
      const sheet = await page.textContent('.dd-sheet');
      assert.ok(sheet.includes(expected.policy.doc), 'the sheet names the 文号');
      for (const p of expected.programs.filter((x) => x.status === 'eligible')) assert.ok(sheet.includes(p.name), p.name);
      // the facts 特困 and 孤儿保障 turn on, on each person's line
      const words = { orphan: '孤儿', in_institution: '集中供养' };
      for (const m of household.members)
        for (const [k, word] of Object.entries(words)) if (m[k]) assert.ok(sheet.includes(word), `${name}: ${word}`);
      if (household.members.some((m) => m.has_capable_supporter === false)) assert.ok(sheet.includes('无有能力的赡养抚养人'), `${name}: 无赡养人`);
      // documents to bring: every open program's, each once, none inside a fuller one
      const docs = await page.$$eval('.dd-sheet .dd-sheet-doc', (els) => els.map((e) => e.textContent));
      for (const d of docs) assert.ok(!docs.some((e) => e !== d && e.includes(d)), `“${d}” is inside another item: ${docs.join(' / ')}`);
      for (const p of expected.programs.filter((x) => x.status !== 'ineligible' && x.apply))
        for (const d of p.apply.documents || []) assert.ok(docs.some((e) => e.includes(d)), `${p.id}: ${d} not in ${docs.join(' / ')}`);
      await page.click('#dd-qr-show');
      await page.waitForSelector('.dd-qr');
      const url = await page.getAttribute('.dd-qr-slot', 'data-url');
      const payload = url.split('#h=')[1];
      console.log(`# ${name}: ${household.members.length} people, payload ${payload.length} characters, QR version ${await page.getAttribute('.dd-qr', 'data-version')}, URL ${url.length}`);
      assert.ok(payload.length <= 600, `payload ${payload.length} characters`);
      if (name === three[0].name) {
        assert.deepEqual(await axe(page), [], 'axe-core with the 预审单');
        await page.$eval('#dd-handoff', (e) => e.scrollIntoView());
        await shot(page, 'handoff-01-sheet');
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(SHOTS, 'handoff-02-print.png'), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
      }
      // one A4 page for every household: what may apply with its reasons, what does not by name, the QR code
      await page.emulateMedia({ media: 'print' });  // (page.pdf prints with the media emulated)
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      if (pages !== 1) await page.screenshot({ path: path.join(SHOTS, `handoff-${name}-print-over.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(pages, 1, `${name}: the 预审单 prints on one page`);
      assert.deepEqual(log.requests, [], 'requests after load');
      // a fresh page (another device): same answers, same results
      const fresh = await browser.context.newPage();
      await fresh.goto(url);
      await fresh.waitForFunction(() => document.documentElement.getAttribute('data-result') === 'ok');
      const restored = await fresh.evaluate(() => Object.fromEntries([...document.getElementById('dd-form').elements].filter((e) => e.name).map((e) => [e.name, e.value])));
      assert.deepEqual(restored, filled, name + ': the same answers');
      const shown = await staffResults(fresh);
      assert.deepEqual(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.status])), statuses(expected), name + ': the same results');
      if (name === three[0].name) await shot(fresh, 'handoff-03-reopened');
      await fresh.close();
      assert.deepEqual(log.errors, []);
    } finally {
      await page.close();
    }
  }
});

test('the resident app: a 预审单 link reopens the answers and results; its results page offers the 预审单', async () => {
  const { household, name } = HOUSEHOLDS.find((x) => x.household.members.length >= 3);
  const expected = JSON.parse(cli(household));
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'staff.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    await fillStaff(page, household);
    await staffResults(page);
    await page.click('#dd-handoff-open');
    await page.click('#dd-qr-show');
    await page.waitForSelector('.dd-qr');
    const url = await page.getAttribute('.dd-qr-slot', 'data-url');
    // the same fragment on the resident page
    const resident = await browser.context.newPage();
    const residentReq = [];
    await resident.goto(url.replace('staff.html', 'index.html'));
    await resident.waitForSelector('.dd-results');
    resident.on('request', (r) => residentReq.push(r.url()));
    assert.ok(!(await resident.evaluate(() => location.hash)), 'the answers leave the address bar');
    const shown = await shownPrograms(resident);
    assert.deepEqual(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.status])), statuses(expected), name + ': the resident page shows the same results');
    await shot(resident, 'handoff-04-resident-reopened');
    // and hands off from there
    await resident.click('#dd-handoff-open');
    await resident.waitForSelector('#dd-handoff .dd-warning');
    await resident.click('#dd-qr-show');
    await resident.waitForSelector('.dd-qr');
    assert.deepEqual(await axe(resident), [], 'axe-core on the resident 预审单');
    await resident.$eval('#dd-handoff', (e) => e.scrollIntoView());
    await shot(resident, 'handoff-05-resident-sheet');
    await resident.emulateMedia({ media: 'print' });
    await resident.screenshot({ path: path.join(SHOTS, 'handoff-06-resident-print.png'), fullPage: true });
    const pdf = await resident.pdf({ format: 'A4', printBackground: false });
    assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'the resident 预审单 prints on one page');
    const printed = await resident.evaluate(() => [...document.querySelectorAll('h1, .dd-group, .dd-header')].filter((e) => getComputedStyle(e).display !== 'none').length);
    assert.equal(printed, 0, 'only the 预审单 is printed');
    await resident.emulateMedia({ media: 'screen' });
    const url2 = await resident.getAttribute('.dd-qr-slot', 'data-url');
    const back = await browser.context.newPage();
    await back.goto(url2);
    await back.waitForFunction(() => document.documentElement.getAttribute('data-result') === 'ok');
    const again = await staffResults(back);
    assert.deepEqual(Object.fromEntries(Object.entries(again).map(([k, v]) => [k, v.status])), statuses(expected), 'resident → staff: same results');
    await back.close();
    assert.deepEqual(residentReq.filter((u) => !/\/js\/(handoff|vendor\/qrcodegen|staff-text)\.[0-9a-f]{10}\.js$/.test(u)), [], 'only the hand-off module itself is loaded');
    await resident.close();
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

// A link cut short in a chat app, or a QR code misread: every damaged payload either
// decodes to a household (which the core then checks, naming any bad field) or fails
// with the one bilingual message; never with a raw base64/inflate/JSON/TypeError.
test('预审单 links that are cut short or garbled: a household or one clear message, never a raw error', async () => {
  const { page, log } = await openPage(browser.context);
  try {
    await page.goto(server.url + 'staff.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    const modules = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)
      .filter((n) => /\/js\/(handoff|staff-text)\.[0-9a-f]{10}\.js$/.test(n)));
    assert.equal(modules.length, 2, 'the hand-off and text modules are loaded');
    const households = HOUSEHOLDS.map((x) => x.household);
    const got = await page.evaluate(async ({ modules, households }) => {
      const H = await import(modules.find((m) => m.includes('/handoff.')));
      const { S } = await import(modules.find((m) => m.includes('/staff-text.')));
      let seed = 20261202;
      const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const mutate = (p) => {
        switch (rand(5)) {
          case 0: return p.slice(0, rand(p.length));                                        // cut short
          case 1: { const i = rand(p.length); return p.slice(0, i) + ALPHA[rand(64)] + p.slice(i + 1); }  // misread
          case 2: { const i = rand(p.length); return p.slice(0, i) + p.slice(i + 1); }      // a character lost
          case 3: { const i = 1 + rand(p.length - 1); return p.slice(0, i) + ALPHA[rand(64)] + p.slice(i); }
          default: return ALPHA[rand(64)] + p.slice(1);                                      // the kind letter
        }
      };
      const out = { households: 0, broken: 0, other: [] };
      for (const h of households) {
        const z = await H.encode(h);
        const j = 'j' + z.slice(1);  // a plain payload too (not valid base64 of JSON: fine, it must fail cleanly)
        for (const p of [z, j]) for (let k = 0; k < 150; k++) {
          let q = p;
          for (let n = 1 + rand(3); n > 0; n--) q = mutate(q) || q;
          try {
            const d = await H.decode(q);
            H.answersFromHousehold(d);  // what the resident page then does with it
            if (d && d.schema === 1 && Array.isArray(d.members)) out.households++;
            else out.other.push(q + ' -> ' + JSON.stringify(d));
          } catch (e) {
            if (e.message === S.handoff.broken) out.broken++;
            else out.other.push(q + ' -> ' + e);
          }
        }
      }
      return out;
    }, { modules, households });
    assert.deepEqual(got.other, [], 'every damaged payload gives a household or the clear message');
    assert.ok(got.broken > 100 && got.households > 10, `both ways are taken (${got.broken} refused, ${got.households} decoded)`);
    // What the staff page then says, in Chinese and English.
    await page.goto(server.url + 'staff.html#h=zq1bAF7');
    await page.waitForFunction(() => /预审单数据不完整/.test(document.getElementById('dd-notice').textContent));
    assert.match(await page.textContent('#dd-notice'), /incomplete or damaged/);
    // And the resident page, on its start page.
    await page.goto(server.url + 'index.html#h=zq1bAF7');
    await page.waitForSelector('#dd-main .dd-notice');
    assert.match(await page.textContent('#dd-main .dd-notice'), /预审单数据不完整.*incomplete or damaged/);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-view')), 'start');
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});
