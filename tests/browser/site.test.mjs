// Residents answer the questionnaire in headless Chromium, two or more households
// per region; the results page must show what the native CLI answers for the
// same household. No request may leave the page from the first answer to the
// results; axe-core finds no serious or critical violation on any page; every
// page is saved as a 360x740 screenshot in test-output/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, walk, shownPrograms, moneyText, cli, requireBuilt } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';

requireBuilt();
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const policies = new Map();
const policy = (region) => {
  if (!policies.has(region)) policies.set(region, JSON.parse(fs.readFileSync(new URL(`../../policies/${region}.json`, import.meta.url), 'utf8')));
  return policies.get(region);
};

const REGIONS = ['xinmi-2016', 'zhongwei-2019', 'mingxi-2019', 'hebi-2017', 'quangang-2020'];
test('at least two residents per region', () => {
  for (const r of REGIONS) assert.ok(HOUSEHOLDS.filter((x) => x.household.region === r).length >= 2, r);
});

for (const { name, household } of HOUSEHOLDS) {
  test(`${name}: the page shows what the CLI says`, async () => {
    const { page, log } = await openPage(browser.context);
    try {
      const run = await walk(page, log, server.url, household, name);
      assert.deepEqual(run.requests, [], 'requests between the first answer and the results');
      assert.deepEqual(run.violations, [], 'axe-core serious/critical violations');
      assert.deepEqual(log.errors, [], 'console errors (CSP violations included)');
      const expected = JSON.parse(cli(household));
      assert.deepEqual(expected.errors, []);
      const shown = await shownPrograms(page);
      assert.deepEqual(Object.keys(shown).sort(), expected.programs.map((p) => p.id).sort(), 'programs');
      for (const p of expected.programs) {
        assert.equal(shown[p.id].status, p.status, `${p.id} status`);
        // A program paid only in a window that has ended says so beside its result.
        const to = ((policy(household.region).programs.find((x) => x.id === p.id).params || {}).window_to || {}).value;
        const ended = p.status !== 'ineligible' && typeof to === 'string' && new Date().toISOString().slice(0, 10) > to;
        assert.equal(shown[p.id].text.includes('现在已经结束'), ended, `${p.id}: the window's end`);
        // The questions reached every fact the household has that a program needs.
        if (!p.missing.length) assert.deepEqual(shown[p.id].missing, [], `${p.id}: still to confirm, though the household says`);
        if (p.amount && p.status !== 'ineligible')
          assert.ok(shown[p.id].amount && shown[p.id].amount.includes(moneyText(p.amount.value)), `${p.id} amount ${p.amount.value}: ${shown[p.id].amount}`);
        // where and how to apply, with the clauses it rests on (the policy file's apply.sources)
        const own = policy(household.region).programs.find((x) => x.id === p.id).apply.sources;
        assert.deepEqual(shown[p.id].basis, p.status === 'ineligible' ? [] : own.map((s) => ({
          label: `依据：${s.doc} ${s.clause}`, text: s.doc === policy(household.region).document.doc,
        })), `${p.id}: 办理依据`);
        // above the line: how far, said as a fact; on a 可能符合 card, that it may still come under
        if (p.threshold && p.threshold.gap < 0 && p.status !== 'eligible') {
          assert.ok(shown[p.id].text.includes(`比 ${moneyText(p.threshold.limit)} 元`) &&
            shown[p.id].text.includes(`高出 ${moneyText(-p.threshold.gap)} 元`), `${p.id} distance to the threshold`);
          assert.equal(shown[p.id].text.includes('可能让它低于标准'), p.status === 'maybe', `${p.id}: a maybe may still come under`);
          assert.ok(!shown[p.id].text.includes('即可申请'), `${p.id}: no verdict in the distance`);
        }
      }
      // Two basic-living programs open at once: said to be separate estimates, never when one is.
      const basic = expected.programs.filter((p) => ['dibao', 'tekun', 'orphan_allowance'].includes(p.id) && p.status !== 'ineligible');
      const overlap = await page.$('.dd-overlap');
      if (basic.length < 2) assert.equal(overlap, null, 'no overlap note with one basic-living program');
      else {
        const text = await overlap.textContent();
        for (const p of basic) assert.ok(text.includes(`“${p.name}”`), `overlap note names ${p.name}`);
        assert.ok(text.includes(basic.length === 2 ? '这两项是分别测算的' : '这三项是分别测算的'), text);
        // on paper too, where the amounts are
        await page.emulateMedia({ media: 'print' });
        assert.ok(await overlap.isVisible(), 'the overlap note prints');
        await page.emulateMedia({ media: 'screen' });
      }
      // Amounts by the document's standards, years ago: said beside them once its period is over.
      const doc = policy(household.region).document;
      const dated = await page.$('.dd-dated');
      if (new Date().toISOString().slice(0, 10) <= doc.effective_to) assert.equal(dated, null, 'no dated note within the period');
      else assert.ok(dated && (await dated.textContent()).includes(`是为${doc.effective_to.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}以前的工作制定的`), 'dated note');
      const summary = await page.textContent('.dd-summary');
      const n = (s) => expected.programs.filter((p) => p.status === s).length;
      assert.ok(summary.includes(`符合 ${n('eligible')} 项，可能符合 ${n('maybe')} 项，不符合 ${n('ineligible')} 项`), summary);
    } finally {
      await page.close();
    }
  });
}
