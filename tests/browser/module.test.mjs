// The WebAssembly module in Node gives, byte for byte, the result JSON of the
// native CLI: for every case of every tests/scenarios/*.json, for the browser
// tests' residents, and for broken input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, SITE, CLI, requireBuilt, hashedFile } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';
import { roster as makeRoster } from './roster-data.mjs';

const require = createRequire(import.meta.url);
requireBuilt();
const factory = require(path.join(SITE, 'screen.js'));
const M = await factory({ wasmBinary: fs.readFileSync(path.join(SITE, 'screen.wasm')) });
// The roster page's module, as the site ships it (台账比对 is not in the contract's module).
const R = await require(hashedFile('roster', '.js'))({ wasmBinary: fs.readFileSync(hashedFile('roster', '.wasm')) });

function cliRaw(input, args = ['-']) {
  try {
    return execFileSync(CLI, args, { input, encoding: 'utf8' });
  } catch (e) {
    if (e.status === 2 && typeof e.stdout === 'string') return e.stdout;  // a result with errors
    throw e;
  }
}
const same = (input) => {
  const native = cliRaw(input);
  const wasm = M.screen(input);
  assert.equal(wasm + '\n', native.endsWith('\n') ? native : native + '\n');
};

// Every case of the scenario files ({region, cases: [{name, household, expect}]};
// a bare array of cases, or a single case, is accepted too).
const dir = path.join(ROOT, 'tests', 'scenarios');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
let count = 0;
for (const f of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const cases = Array.isArray(doc) ? doc : (Array.isArray(doc.cases) ? doc.cases : [doc]);
  const region = Array.isArray(doc) ? undefined : doc.region;
  test(`scenarios/${f}: module = CLI for ${cases.length} cases`, () => {
    for (const c of cases) {
      if (!c || typeof c.household !== 'object') continue;
      const h = Object.assign({}, c.household);
      if (h.region === undefined && region) h.region = region;
      const input = JSON.stringify(h);
      assert.doesNotThrow(() => same(input), `case ${c.name || ''}`);
      same(input);
      count++;
    }
  });
}

test('the browser tests\' residents: module = CLI', () => {
  for (const { household } of HOUSEHOLDS) same(JSON.stringify(household));
});

// brief(): the questionnaire's flow reads statuses, amounts and `missing` of many
// variants; they must be screen()'s exactly, errors included (the core's scenario
// runner checks the same for every case natively).
test('brief() = screen() without the reasons, for the residents and broken input', () => {
  const project = (r) => (r.programs
    ? { schema: r.schema, region: r.region, errors: r.errors,
        programs: r.programs.map((p) => Object.assign({ id: p.id, status: p.status }, p.amount ? { amount: p.amount } : {}, { missing: p.missing })) }
    : r);
  const inputs = HOUSEHOLDS.map(({ household }) => JSON.stringify(household))
    .concat(['', '{', '{"schema":1,"region":"nowhere","hukou":"rural","members":[{"age":30}]}']);
  for (const input of inputs) {
    const brief = JSON.parse(M.brief(input));
    assert.deepEqual(brief, project(JSON.parse(M.screen(input))));
    if (brief.programs) assert.ok(M.brief(input).length * 4 < M.screen(input).length, 'a fraction of the text');
  }
  assert.match(JSON.parse(M.brief(42)).errors[0].message, /JSON 文本/);
});

test('broken input: module = CLI, and nothing aborts', () => {
  const inputs = ['', 'garbage', '{', '[]', 'null', '{"schema":1}', '{"schema":2,"region":"hebi-2017","hukou":"rural","members":[{"age":1}]}',
    '{"schema":1,"region":"nowhere","hukou":"rural","members":[{"age":30}]}',
    '{"schema":1,"region":"hebi-2017","hukou":"rural","members":[{"age":-1,"typo":1}]}',
    '{"schema":1,"region":"hebi-2017","hukou":"rural","members":[{"age":30,"orphan":true}],"as_of":"2020-02-30"}',
    '{"schema":1,"region":"hebi-2017","hukou":"rural","members":[' + '{"age":30},'.repeat(25) + '{"age":1}]}',
    '[' .repeat(5000), '{"a":"\\ud800"}', '"\u00ff"'];
  for (const input of inputs) same(input);
  // Still alive after all that.
  assert.ok(JSON.parse(M.screen(JSON.stringify(HOUSEHOLDS[0].household))).programs.length > 0);
});

// Text crosses into the module through TextEncoder and back as UTF-16 (wasm/bindings.cpp):
// characters outside the BMP, escapes, and text the strict parser must handle.
test('text in every form: module = CLI', () => {
  for (const input of [
    '{"schema":1,"region":"\\ud83d\\ude00 成","hukou":"x","members":[]}',  // JSON escapes, echoed back unescaped
    '{"schema":1,"region":"😀𠀀成","hukou":"rural","members":[{"age":30}]}',  // raw 4-byte UTF-8
    '{"schema":1,"region":"\\u0068ebi-2017","hukou":"rural","members":[{"age":30,"income_monthly":{"wages":1e3}}]}',
    '\ufeff{"schema":1}', '{"schema":1,"region":"hebi-2017","hukou":"rural","members":[{"age":30}]} \n',
  ]) same(input);
});

test('a household that is not a string gets an error result, not an exception', () => {
  for (const value of [42, null, undefined, { schema: 1 }, new Uint8Array([123, 125])]) {
    const r = JSON.parse(M.screen(value));
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].field, '');
    assert.match(r.errors[0].message, /JSON 文本/);
    assert.match(r.errors[0].message_en, /JSON text/);
    assert.equal(r.programs, undefined);
  }
});

// The fallback for webviews that block WebAssembly is the same C++ compiled to
// JavaScript (-sWASM=0), with the same adapter: it must give the same bytes.
test('the -sWASM=0 fallback = CLI for the residents and for text in every form', async () => {
  const name = fs.readdirSync(SITE).find((f) => /^screen-asmjs\.[0-9a-f]+\.js$/.test(f));
  assert.ok(name, 'build/site has the asm.js fallback');
  const A = await require(path.join(SITE, name))({});
  for (const { household } of HOUSEHOLDS) {
    const input = JSON.stringify(household);
    assert.equal(A.screen(input), M.screen(input));
  }
  const odd = '{"schema":1,"region":"\\ud83d\\ude00 😀成","hukou":"x","members":[]}';
  assert.equal(A.screen(odd), M.screen(odd));
  assert.equal(JSON.parse(A.screen(42)).errors[0].field, '');
});

test('regions() = screen --regions; policy() for every region, errors for an unknown one', () => {
  const native = execFileSync(CLI, ['--regions'], { encoding: 'utf8' });
  assert.equal(M.regions() + '\n', native.endsWith('\n') ? native : native + '\n');
  for (const r of JSON.parse(M.regions())) {
    const p = JSON.parse(M.policy(r.id));
    assert.ok(Array.isArray(p.programs) && p.programs.length, r.id);
    assert.equal(typeof p.clauses, 'object', r.id);
  }
  assert.ok(JSON.parse(M.policy('nowhere')).errors.length);
});

// 台账比对: the roster module's roster() is the CLI's --csv --json view with the --csv export as "csv".
test('roster(): the view and the export = screen --csv, for rosters good and broken', () => {
  const rosters = [
    makeRoster(400),
    makeRoster(30, { region: true }),
    '\ufeff户编号,地区,户籍,姓名,年龄,月工资,存款,低保户,age\r\nA,hebi-2017,农村,"张,三",45岁,"1,500元",2000元,是,46\r\n' +
      'A,hebi-2017,城镇,"李""四""",70,0,3000,否,\r\n\r\nB,,农村,王五,abc,x,,maybe,\r\n,xinmi-2016,农村,赵六,30,0,,,\rC,zhongwei-2019,rural,😀,12,,,是,',
    'key,region,hukou,name,age,wages\nK1,mingxi-2019,urban,x,61,100\nK1,mingxi-2019,urban,y,8,0\nK2,,rural,z,75,0',
    '姓名,年龄\n甲,3\n', '', '户编号,未知列,年龄\nX,1,20\n"Y",2,"3',
    // a quote inside a cell, one never closed, a formula, a repeated column
    '户编号,地区,户籍,姓名,年龄,年龄\nQ1,quangang-2020,农村,王"五,45,\nQ2,quangang-2020,农村,"赵六,30,\n=1+1,quangang-2020,农村,x,30,\n',
  ];
  for (const [i, csv] of rosters.entries()) {
    for (const region of ['', 'quangang-2020']) {
      const args = ['--csv', ...(region ? ['--region', region] : []), '-'];
      const view = JSON.parse(cliRaw(csv, [...args.slice(0, -1), '--json', '-']));
      const exported = cliRaw(csv, args);
      const whole = R.roster(csv, region);
      const got = JSON.parse(whole);
      assert.equal(got.csv, exported, `roster ${i} (${region || 'no default region'}): export`);
      delete got.csv;
      assert.deepEqual(got, view, `roster ${i} (${region || 'no default region'}): view`);
      // the roster page's way: open, steps (progress between them), finish
      const total = R.rosterOpen(csv, region);
      assert.equal(total, view.households);
      const seen = [];
      for (let done = 0; done < total;) seen.push(done = R.rosterStep(7));
      assert.deepEqual(seen, Array.from({ length: Math.ceil(total / 7) }, (_, k) => Math.min(total, 7 * (k + 1))));
      const finished = JSON.parse(R.rosterFinish());
      assert.deepEqual(finished, view, `roster ${i}: in steps, the same view`);
      const bytes = R.rosterExport();
      assert.ok(bytes instanceof Uint8Array);
      assert.ok(Buffer.from(bytes).equals(Buffer.from(exported, 'utf8')), `roster ${i}: in steps, the export's bytes`);
      assert.equal(R.rosterExport().length, 0, 'the export is given once');
    }
  }
  const none = JSON.parse(R.rosterFinish());
  assert.match(none.errors[0].message, /CSV 文本/, 'finish with no roster open');
  assert.equal(none.csv, undefined);
  assert.equal(R.rosterExport().length, 0);
  for (const value of [42, null, { csv: 'x' }]) {
    assert.equal(R.rosterOpen(value, ''), 0);
    assert.equal(R.rosterStep(100), 0);
    const r = JSON.parse(R.roster(value, ''));
    assert.equal(r.csv, '');
    assert.equal(r.households, 0);
    assert.deepEqual(r.rows, []);
    assert.match(r.errors[0].message, /CSV 文本/);
  }
});

test('arguments of any kind: answers, not exceptions; rosterStep takes any count', () => {
  for (const value of [null, undefined, 42]) assert.match(JSON.parse(M.policy(value)).errors[0].message, /^未知地区/);
  // a lone surrogate is U+FFFD, as in screen(), not a character swallowed
  assert.match(JSON.parse(M.policy('\ud800quangang-2020')).errors[0].message, /“\ufffdquangang-2020”/);
  const csv = makeRoster(30);
  assert.equal(R.roster(csv, null), R.roster(csv, ''));
  assert.equal(R.roster(csv, undefined), R.roster(csv, ''));
  for (const n of [Infinity, 2 ** 31, 1e12]) {
    const total = R.rosterOpen(csv, '');
    assert.equal(R.rosterStep(n), total, `rosterStep(${n})`);
    R.rosterFinish();
  }
  for (const n of [-1, 0, NaN]) {
    R.rosterOpen(csv, '');
    assert.equal(R.rosterStep(n), 0, `rosterStep(${n})`);
    R.rosterFinish();
  }
});

test('the contract\'s module holds no roster entries; the roster module no household entries', () => {
  for (const f of ['roster', 'rosterOpen', 'rosterStep', 'rosterFinish', 'rosterExport', 'rosterTemplate']) {
    assert.equal(M[f], undefined, 'screen.js: ' + f);
    assert.equal(typeof R[f], 'function', 'roster.js: ' + f);
  }
  for (const f of ['screen', 'brief', 'regions', 'policy']) assert.equal(R[f], undefined, 'roster.js: ' + f);
  // the CLI's template, whose byte-order mark is the page's to add when it saves the file
  assert.equal(R.rosterTemplate(), cliRaw('', ['--csv-template']).replace(/^\ufeff/, ''));
});

test('scenario cases were compared', () => {
  if (!files.length) console.log('# tests/scenarios has no files yet: only the residents and broken input were compared');
  else assert.ok(count > 0);
});
