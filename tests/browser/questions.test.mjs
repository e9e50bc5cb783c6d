// The questionnaire's logic (site/js/questions.js) in Node: the household built
// from answers, and the flow's rule that a question is asked exactly when its
// answer could change a result (a program lists its fact as `missing`, or some
// answer to it changes a status or an amount).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, SITE, requireBuilt } from './lib.mjs';

// questions.js imports nothing; loaded as it is (site/ has no package type for Node).
const source = fs.readFileSync(path.join(ROOT, 'site', 'js', 'questions.js'), 'utf8');
const Q = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));

test('buildHousehold: answers become the contract household; 不清楚 and blanks are left out', () => {
  const answers = {
    hukou: 'urban', size: '2',
    'm0.age': '67', 'm0.disability_grade': '2', 'm0.disability_kind': 'visual', 'm0.self_care': 'partial',
    'm0.school': 'none', 'm0.serious_illness': 'true', 'm0.employed': 'false', 'm0.has_capable_supporter': Q.UNKNOWN,
    'm0.veteran_5lao': 'true', 'm0.has_income': 'yes', 'm0.inc.pension_basic': '150', 'm0.inc.wages': '',
    'm1.relation': 'grandchild', 'm1.age': '10', 'm1.school': 'primary', 'm1.orphan': 'true', 'm1.veteran_5lao': 'true',
    'm1.has_income': 'no',
    deposits: '3000', owns_home: 'true', housing_area_m2: Q.UNKNOWN,
    'exp.medical': '1200', 'exp.education': Q.UNKNOWN,
    has_event: 'yes', 'ev.kind': 'fire', 'ev.months_ago': '2', 'ev.cost': '5000',
    temporary: '0', status: 'dibao,low_income', months_on_dibao: '14',
  };
  assert.deepEqual(Q.buildHousehold('quangang-2020', answers), {
    schema: 1, region: 'quangang-2020', hukou: 'urban',
    members: [
      { age: 67, relation: 'head', disability_grade: 2, disability_kind: 'visual', self_care: 'partial',
        serious_illness: true, employed: false, veteran_5lao: true, income_monthly: { pension_basic: 150 } },
      // a child: school kept (age 2-35), orphan asked (to 24), 五老 dropped (under 40)
      { age: 10, relation: 'grandchild', school: 'primary', orphan: true, income_monthly: {} },
    ],
    assets: { deposits: 3000, owns_home: true },
    expenses_yearly: { medical: 1200 },
    events: [{ kind: 'fire', months_ago: 2, cost: 5000 }],
    aid_this_year: { temporary: 0 },
    status: { dibao: true, tekun: false, low_income: true, dibao_marginal: false, poverty_registered: false, months_on_dibao: 14 },
  });
});

test('buildHousehold: only the answers `only` names count; the member count comes from all answers', () => {
  const answers = { hukou: 'rural', size: '2', 'm0.age': '40', 'm1.age': '8', 'm0.labor': 'none', deposits: '100' };
  assert.deepEqual(Q.buildHousehold('hebi-2017', answers, new Set(['size', 'm0.age', 'm0.labor'])), {
    schema: 1, region: 'hebi-2017', members: [{ age: 40, relation: 'head', labor: 'none' }],
  });
  // Income answered "yes" but no amount yet: the income is unknown, not zero.
  const h = Q.buildHousehold('hebi-2017', { size: '1', 'm0.age': '50', 'm0.has_income': 'yes' });
  assert.equal(h.members[0].income_monthly, undefined);
});

// A stub module: every program eligible unless the rule below says otherwise.
const brief = (programs) => ({ programs });
const pagesOf = (flow) => flow.map((p) => p.key + ':' + p.fields.map((f) => f.id).join(','));
const base = { hukou: 'rural', size: '1', 'm0.age': '50' };

test('buildFlow: a question whose fact no program misses and no answer changes is not asked', () => {
  const flow = Q.buildFlow('x', base, () => brief([{ id: 'dibao', status: 'eligible', missing: [] }]));
  assert.deepEqual(pagesOf(flow), ['hukou:hukou', 'size:size', 'basic:0:m0.age']);
});

test('buildFlow: a fact a program lists as missing is asked, and only that', () => {
  const flow = Q.buildFlow('x', base, () => brief([{ id: 'dibao', status: 'maybe', missing: ['assets.deposits', 'members[0].labor'] }]));
  assert.deepEqual(pagesOf(flow), ['hukou:hukou', 'size:size', 'basic:0:m0.age', 'labor:0:m0.labor', 'deposits:deposits']);
});

test('buildFlow: a fact that changes an amount is asked even when nothing lists it as missing', () => {
  // The 低保 top-up falls with the medical costs deducted; no status changes.
  const screen = (h) => brief([{ id: 'dibao', status: 'eligible', missing: [],
    amount: { value: 500 - Math.min(400, ((h.expenses_yearly || {}).medical || 0) / 2500), per: 'month', up_to: false } }]);
  const flow = Q.buildFlow('x', base, screen);
  assert.deepEqual(pagesOf(flow), ['hukou:hukou', 'size:size', 'basic:0:m0.age', 'expenses:exp.medical']);
});

test('buildFlow: facts that matter only together are asked in turn (the hardest case of the person)', () => {
  // 特困 needs both: no ability to work and no capable supporter. Neither alone
  // changes the status, but each does when the person's other facts are the hardest case.
  const screen = (h) => {
    const m = h.members[0];
    const tekun = m.labor === 'none' && m.has_capable_supporter === false;
    return brief([{ id: 'tekun', status: tekun ? 'eligible' : 'ineligible', missing: [] }]);
  };
  const basics = ['hukou:hukou', 'size:size', 'basic:0:m0.age'];
  // A page is decided on the answers before it: the supporter waits for the answer on work.
  assert.deepEqual(pagesOf(Q.buildFlow('x', base, screen)), basics.concat('labor:0:m0.labor'));
  assert.deepEqual(pagesOf(Q.buildFlow('x', { ...base, 'm0.labor': 'none' }, screen)),
    basics.concat('labor:0:m0.labor', 'supporter:0:m0.has_capable_supporter'));
  // Able to work: the supporter can no longer change anything.
  assert.deepEqual(pagesOf(Q.buildFlow('x', { ...base, 'm0.labor': 'full' }, screen)), basics.concat('labor:0:m0.labor'));
});

test('buildFlow with the real module: a lone 70-year-old in 泉港 is asked what 特困 needs, not what the young are', async () => {
  requireBuilt();
  const require = createRequire(import.meta.url);
  const M = await require(path.join(SITE, 'screen.js'))({ wasmBinary: fs.readFileSync(path.join(SITE, 'screen.wasm')) });
  const screen = (h) => JSON.parse(M.brief(JSON.stringify(h)));
  const flow = Q.buildFlow('quangang-2020', { hukou: 'rural', size: '1', 'm0.age': '70' }, screen);
  const ids = flow.flatMap((p) => p.fields.map((f) => f.id));
  // 特困: 无生活来源、无法定赡养抚养扶养义务人或其无能力 (no income, no capable supporter).
  for (const id of ['m0.has_capable_supporter', 'm0.has_income'])
    assert.ok(ids.includes(id), `${id} is asked (${ids.join(' ')})`);
  // Questions for the young are not: a 70-year-old is no orphan and not at school.
  for (const id of ['m0.orphan', 'm0.school']) assert.ok(!ids.includes(id), `${id} is not asked`);
});

test('buildFlow: whom a program covers is part of what an answer can change (a second 残疾人证 holder)', () => {
  // 护理补贴 per person: the wife's grade adds her to `members`; no status or amount moves.
  const screen = (h) => brief([{ id: 'disability_care_allowance', status: 'eligible', missing: [],
    members: h.members.filter((x) => x.disability_grade === 1 || x.disability_grade === 2).map((x) => h.members.indexOf(x)) }]);
  const flow = Q.buildFlow('x', { hukou: 'rural', size: '2', 'm0.age': '78', 'm1.relation': 'spouse', 'm1.age': '75', 'm0.disability_grade': '1' }, screen);
  const ids = flow.flatMap((p) => p.fields.map((f) => f.id));
  assert.ok(ids.includes('m1.disability_grade'), ids.join(' '));
});

test('buildFlow: no work questions under 16, no new job outside 低保, no school costs without anyone of school age', () => {
  // A stub that lists every one of these facts as missing: the page's own rules hold them back.
  const screen = () => brief([{ id: 'dibao', status: 'maybe', missing: ['members[0].employed', 'members[0].newly_employed',
    'members[1].employed', 'members[1].newly_employed', 'expenses_yearly.education', 'expenses_yearly.medical'] }]);
  const ids = (a) => Q.buildFlow('x', a, screen).flatMap((p) => p.fields.map((f) => f.id));
  const grandmother = { hukou: 'rural', size: '2', 'm0.age': '85', 'm1.relation': 'grandchild', 'm1.age': '9' };
  let got = ids(grandmother);
  for (const id of ['m1.employed', 'm1.newly_employed']) assert.ok(!got.includes(id), `${id} asked of a 9-year-old`);
  assert.ok(got.includes('exp.education'), 'a 9-year-old: school costs asked');
  got = ids({ ...grandmother, 'm1.age': '40', 'm1.relation': 'child' });
  assert.ok(got.includes('m1.employed') && got.includes('m1.newly_employed'), got.join(' '));
  assert.ok(!got.includes('exp.education'), 'nobody of school age: no school costs');
  got = ids({ ...grandmother, 'm1.age': '40', 'm1.relation': 'child', status: 'poverty_registered' });
  assert.ok(got.includes('m1.employed') && !got.includes('m1.newly_employed'), `not on 低保: ${got.join(' ')}`);
  // An answer the pages no longer ask is left out of the household (the core refuses a working 9-year-old).
  const h = Q.buildHousehold('x', { ...grandmother, 'm1.employed': 'true', 'm1.newly_employed': 'true' });
  assert.equal(h.members[1].employed, undefined);
  assert.equal(h.members[1].newly_employed, undefined);
});

test('buildFlow with the real module: a 中卫 低保 family whose income rose is asked about the new job at the end, and 去回答 finds it', async () => {
  requireBuilt();
  const require = createRequire(import.meta.url);
  const M = await require(path.join(SITE, 'screen.js'))({ wasmBinary: fs.readFileSync(path.join(SITE, 'screen.wasm')) });
  const screen = (h) => JSON.parse(M.brief(JSON.stringify(h)));
  const answers = { hukou: 'rural', size: '3', 'm0.age': '45', 'm1.relation': 'spouse', 'm1.age': '43', 'm2.relation': 'child', 'm2.age': '12',
    status: 'dibao', months_on_dibao: '30', deposits: '0', has_event: 'no', 'exp.medical': '0', 'exp.education': '0', 'exp.disaster': '0',
    'm0.has_income': 'yes', 'm0.inc.wages': '2500', 'm1.has_income': 'no', 'm2.has_income': 'no', 'm2.has_capable_supporter': 'true' };
  for (let i = 0; i < 3; i++) Object.assign(answers, { [`m${i}.disability_grade`]: '0', [`m${i}.self_care`]: 'full', [`m${i}.serious_illness`]: 'false' });
  Object.assign(answers, { 'm0.labor': 'full', 'm1.labor': 'full' });
  // The work pages came before the income that makes the 渐退期 matter.
  const flow = Q.buildFlow('zhongwei-2019', answers, screen);
  assert.deepEqual(flow.slice(-2).map((p) => p.key + ':' + p.fields.map((f) => f.id)), ['work:0+later:m0.newly_employed', 'work:1+later:m1.newly_employed']);
  assert.equal(Q.findPageForPath(flow, 'members[0].newly_employed').key, 'work:0+later');
  assert.equal(Q.findPageForPath(flow, 'members').key, 'size');
  // Answered, the question sits on its own page, and nothing more is asked.
  const after = Q.buildFlow('zhongwei-2019', { ...answers, 'm0.newly_employed': 'true', 'm1.newly_employed': 'false' }, screen);
  assert.ok(!after.some((p) => p.key.endsWith('+later')), after.map((p) => p.key).join(' '));
  assert.ok(after.find((p) => p.key === 'work:0').fields.some((f) => f.id === 'm0.newly_employed'));
});
