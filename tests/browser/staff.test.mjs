// Staff mode (staff.html): every question on one screen; the results panel shows
// what the native CLI answers for the same household, for residents of every
// region; one key clears everything; no request after load; axe-core clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, openPage, axe, shot, cli, moneyText, SHOTS, requireBuilt } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';
import { fillStaff, staffResults } from './staff-lib.mjs';

requireBuilt();
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

async function open() {
  const { page, log } = await openPage(browser.context);
  await page.goto(server.url + 'staff.html');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
  log.requests.length = 0;
  return { page, log };
}

test('staff mode shows what the CLI says, for a resident of every region', async () => {
  const { page, log } = await open();
  try {
    assert.deepEqual(await axe(page), [], 'axe-core on the empty form');
    await shot(page, 'staff-00-empty');
    const picked = [];
    for (const r of ['xinmi-2016', 'zhongwei-2019', 'mingxi-2019', 'hebi-2017', 'quangang-2020'])
      picked.push(...HOUSEHOLDS.filter((x) => x.household.region === r).slice(0, 2));
    for (const { name, household } of picked) {
      await fillStaff(page, household);
      const shown = await staffResults(page);
      const expected = JSON.parse(cli(household));
      assert.deepEqual(Object.keys(shown).sort(), expected.programs.map((p) => p.id).sort(), name + ' programs');
      for (const p of expected.programs) {
        assert.equal(shown[p.id].status, p.status, `${name}: ${p.id}`);
        if (p.amount && p.status !== 'ineligible') assert.ok(shown[p.id].text.includes(moneyText(p.amount.value)), `${name}: ${p.id} amount`);
      }
      if (name === picked[0].name) {
        assert.deepEqual(await axe(page), [], 'axe-core with results');
        await shot(page, 'staff-01-filled');
        await page.screenshot({ path: path.join(SHOTS, 'staff-01-filled-full.png'), fullPage: true });
      }
      // one key clears everything between households (the region stays)
      await page.keyboard.press('Alt+C');
      assert.equal(await page.inputValue('[name="m0.age"]'), '');
      assert.equal(await page.$$eval('.dd-member[data-member]', (e) => e.length), 1);
      assert.equal(await page.getAttribute('html', 'data-result'), 'none');
    }
    assert.deepEqual(log.requests, [], 'requests after load');
    assert.deepEqual(log.errors, [], 'console errors');
  } finally {
    await page.close();
  }
});

test('Esc twice clears; the results update as fields change', async () => {
  const { page } = await open();
  try {
    const h = HOUSEHOLDS.find((x) => x.household.region === 'quangang-2020').household;
    await fillStaff(page, h);
    const before = await staffResults(page);
    await page.fill('[name="m0.inc.wages"]', '90000');
    await page.waitForTimeout(400);
    const after = await page.$$eval('.dd-staff-program', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-program'), e.getAttribute('data-status')])));
    const changed = JSON.parse(JSON.stringify(h));
    changed.members[0].income_monthly = Object.assign({}, changed.members[0].income_monthly, { wages: 90000 });
    const expected = JSON.parse(cli(changed));
    assert.deepEqual(after, Object.fromEntries(expected.programs.map((p) => [p.id, p.status])), 'results follow the changed wage');
    assert.notDeepEqual(after, Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.status])), 'and they changed');
    await page.focus('[name="m0.age"]');
    await page.keyboard.press('Escape');
    assert.notEqual(await page.inputValue('[name="m0.age"]'), '', 'one Esc does not clear');
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('[name="m0.age"]'), '');
    await page.click('#dd-clear');
    assert.equal(await page.inputValue('[name="region"]'), 'quangang-2020', 'the region stays for the next household');
    assert.equal(await page.textContent('#dd-notice'), '已清空。');
    // Alt+P with no result says why nothing opens; typing the next household clears notices
    await page.focus('[name="m0.age"]');
    await page.keyboard.press('Alt+P');
    assert.match(await page.textContent('#dd-notice'), /还没有测算结果/);
    assert.equal(await page.$('#dd-handoff'), null);
    await page.keyboard.type('4');
    assert.equal(await page.textContent('#dd-notice'), '');
  } finally {
    await page.close();
  }
});

// A 预审单 is of the household it was made for. A correction after it was made
// (age 79 -> 80 in 新密, where 高龄津贴 begins at 80) must not leave the old sheet and
// its QR code on screen to be printed. The results are announced by their counts
// only, not re-read whole on every keystroke; printing with no sheet prints them.
test('a correction takes an open 预审单 away; the counts are announced; printing without a sheet prints the results', async () => {
  const { page, log } = await open();
  try {
    const h = { schema: 1, region: 'xinmi-2016', hukou: 'rural', members: [{ age: 79, relation: 'head' }] };
    await fillStaff(page, h);
    await staffResults(page);
    assert.match(await page.textContent('#dd-results-status'), /^符合 ?\d+ ?项/);
    assert.equal(await page.getAttribute('#dd-results-body', 'aria-live'), null, 'the rebuilt list is not live');
    await page.click('#dd-handoff-open');
    await page.waitForSelector('#dd-handoff');
    assert.match(await page.textContent('#dd-handoff'), /79岁/);
    await page.fill('[name="m0.age"]', '80');
    await page.waitForFunction(() => !document.getElementById('dd-handoff'));
    assert.match(await page.textContent('#dd-notice'), /原来的预审单已收起/);
    assert.equal(await page.evaluate(() => document.body.classList.contains('dd-has-handoff')), false);
    const shown = await staffResults(page);
    assert.equal(shown.elderly_allowance.status, JSON.parse(cli({ ...h, members: [{ age: 80, relation: 'head' }] })).programs
      .find((p) => p.id === 'elderly_allowance').status);
    await page.click('#dd-handoff-open');
    await page.waitForSelector('#dd-handoff');
    assert.match(await page.textContent('#dd-handoff'), /80岁/);
    await page.keyboard.press('Alt+C');
    await fillStaff(page, h);
    await staffResults(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('.dd-staff-programs'), 'the results print when no 预审单 is open');
    assert.equal(await page.isVisible('#dd-handoff-open'), false);
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

// An orphan of 10 alone (泉港) may have 低保, 特困 and 孤儿保障 by the engine's
// separate rules: the staff page and the 预审单 say, as the resident's results do,
// that these are separate estimates, not amounts to add up.
test('低保, 特困 and 孤儿保障 together: the staff page and the 预审单 say they are separate estimates', async () => {
  const { page, log } = await open();
  try {
    const h = { schema: 1, region: 'quangang-2020', hukou: 'rural', members: [{ age: 10, relation: 'head', orphan: true, unsupported_child: false,
      has_capable_supporter: false, disability_grade: 0, school: 'primary', income_monthly: {} }], assets: { deposits: 0 } };
    const open3 = JSON.parse(cli(h)).programs.filter((p) => ['dibao', 'tekun', 'orphan_allowance'].includes(p.id) && p.status !== 'ineligible');
    assert.equal(open3.length, 3, 'the CLI finds all three open');
    await fillStaff(page, h);
    await staffResults(page);
    const text = (who) => `${who}可能同时符合“城乡最低生活保障”、“特困人员救助供养”、“孤儿及事实无人抚养儿童基本生活保障”。这三项是分别测算的，能否同时享受、金额能否相加，以审批部门认定为准。`;
    assert.equal(await page.textContent('.dd-overlap'), text('该户'), 'the clerk reads of 该户');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('.dd-overlap'), 'printed with the results');
    await page.emulateMedia({ media: 'screen' });
    await page.click('#dd-handoff-open');
    await page.waitForSelector('#dd-handoff');
    assert.equal(await page.textContent('.dd-sheet-overlap'), text('您家'), 'the 预审单 is the resident\'s');
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});
