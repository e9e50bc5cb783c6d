// 台账比对: a roster screened on this device, in a worker, a step at a time.
// The file is read with FileReader/TextDecoder, never uploaded.
import { ASSETS } from './assets.js';
import { S, fill } from './staff-text.js';
import { el } from './dom.js';

// The file as text: UTF-8, or mostly UTF-8 (a damaged byte, read as U+FFFD),
// else GB18030 as Excel saves it on Chinese systems: the CLI's rule
// (doudi::reads_as_utf8: more characters beyond ASCII read well than not).
// Everything else about the CSV is the core's (doudi/roster.h), so the export is
// byte for byte what `screen --csv` writes.
function decode(buf) {
  const bytes = new Uint8Array(buf);
  const utf8 = new TextDecoder('utf-8').decode(bytes);  // drops a BOM
  let valid = true, good = 0, bad = 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    valid = false;
    for (const ch of utf8) if (ch === '\uFFFD') bad++; else if (ch > '\x7f') good++;
  }
  if (valid || good > bad) return { text: utf8, encoding: bad ? 'UTF-8（有损坏的字节）' : 'UTF-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030 (GBK)' };
}

const STEP = 250;          // households between progress reports from the worker
const SHOW = 200;          // rows shown per list on the page (the export has all)
const R = S.roster;
const $ = (id) => document.getElementById(id);

const abs = (rel) => new URL(rel, document.baseURI).href;
const worker = new Worker(new URL('./roster-worker.js', import.meta.url));
let pending = new Map();
let template = '';
const ready = new Promise((resolve, reject) => {
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'ready') { template = m.template; resolve(); }
    else if (m.type === 'failed' && m.id === undefined) reject(Object.assign(new Error(m.message), { reason: m.reason }));
    else if (pending.has(m.id)) {
      const p = pending.get(m.id);
      if (m.type === 'progress') { p.progress(m.done, m.total); return; }
      pending.delete(m.id);
      if (m.type === 'failed') p.reject(new Error(m.message)); else p.resolve(m.out);
    }
  };
  worker.onerror = (e) => reject(new Error(e.message || 'worker'));
});
worker.postMessage({ type: 'init', js: abs(ASSETS.rosterJs), wasm: abs(ASSETS.rosterWasm) });
let seq = 0;
const screenRoster = (text, region, progress) => new Promise((resolve, reject) => {
  const id = ++seq;
  pending.set(id, { resolve, reject, progress });
  worker.postMessage({ type: 'screen', id, text, region, step: STEP });
});

// Downloads work in real browsers; Android WebView drops blob: links, so the same
// text is also offered in a select-all box. `csv` is text or a Blob (the roster's
// export, from the worker); the box is filled when opened: putting a megabyte of
// text into it took 160 ms on this machine, a long freeze on a phone.
function exportBlock(name, csv, label, textLabel) {
  const wrap = el('div', { class: 'dd-export' });
  // A byte-order mark, as the export has: Excel on Chinese Windows reads a CSV without
  // one as GBK, and the template's headers would open garbled.
  const blob = typeof csv === 'string' ? new Blob([csv.startsWith('\uFEFF') ? csv : '\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }) : csv;
  let url = null;
  try { url = URL.createObjectURL(blob); } catch (e) { url = null; }
  if (url) wrap.appendChild(el('a', { class: 'dd-button', href: url, download: name, id: name.startsWith('台账') ? 'roster-template-link' : 'roster-export' }, label));
  const area = el('textarea', { class: 'dd-export-text', readonly: '', rows: '8', 'aria-label': textLabel, id: name.startsWith('台账') ? 'roster-template-text' : 'roster-export-text' });
  area.addEventListener('focus', () => area.select());
  const more = el('details', { class: 'dd-export-more' }, el('summary', null, textLabel), el('p', { class: 'dd-hint' }, R.exportHint), area);
  const show = (text) => { area.value = text.replace(/^\uFEFF/, ''); more.setAttribute('data-filled', ''); };
  if (typeof csv === 'string') show(csv);  // the template: a line
  else more.addEventListener('toggle', () => { if (more.open && !more.hasAttribute('data-filled')) csv.text().then(show); });
  wrap.appendChild(more);
  return wrap;
}

// A list (`stack`) becomes one card a household on a phone (staff.css): a table
// of six columns there was read by scrolling sideways, with its messages cut.
// Its cells carry their column's name for the card, and their roles, which
// screen readers drop from a table whose display CSS changes.
function table(caption, cols, rows, id, stack) {
  const role = (r) => (stack ? { role: r } : {});
  const cell = (c, i, r) => el(i === 0 ? 'th' : 'td', Object.assign(i === 0 ? { scope: 'row' } : {},
    role(i === 0 ? 'rowheader' : 'cell'), stack ? { 'data-label': c.label } : {}), c.get(r));
  return el('table', Object.assign({ class: stack ? 'dd-table dd-table-stack' : 'dd-table', id }, role('table')),
    el('caption', { class: 'dd-visually-hidden' }, caption),
    el('thead', role('rowgroup'), el('tr', role('row'), cols.map((c) => el('th', Object.assign({ scope: 'col' }, role('columnheader')), c.label)))),
    el('tbody', role('rowgroup'), rows.map((r) => el('tr', role('row'), cols.map((c, i) => cell(c, i, r))))));
}

function list(id, title, lead, rows, cols) {
  const sec = el('section', { class: 'dd-roster-list', id, 'aria-labelledby': id + '-title', 'data-count': rows.length },
    el('h2', { id: id + '-title' }, `${title}（${rows.length}）`), el('p', { class: 'dd-hint' }, lead));
  if (!rows.length) sec.appendChild(el('p', null, R.none));
  else {
    sec.appendChild(el('div', { class: 'dd-table-wrap', tabindex: '0', role: 'region', 'aria-label': title }, table(title, cols, rows.slice(0, SHOW), undefined, true)));
    if (rows.length > SHOW) sec.appendChild(el('p', { class: 'dd-hint' }, fill(R.more, { n: SHOW })));
  }
  return sec;
}

// Region ids as staff know them (“福建省泉州市泉港区”), once the list has loaded.
const regionNames = new Map();

// Words of a header that the rules may need (income, assets, status, who).
const RELEVANT = /收入|工资|养老|退休|存款|财产|低保|特困|五保|残疾|劳动|自理|年龄|户籍|户口|关系|支出|建档|孤儿|重病/;

function render(res, seconds, encoding) {
  const out = $('roster-out');
  out.textContent = '';
  out.appendChild(el('p', { class: 'dd-summary', id: 'roster-done' }, fill(R.done, { n: res.households, s: seconds.toFixed(2) })));
  out.appendChild(el('p', { class: 'dd-hint', id: 'roster-encoding' }, fill(R.encoding, { enc: encoding })));
  // The file's own news first: a status column not found changes what the lists can say.
  const notes = (res.notes || []).map((n) => n.message);
  // A column the core did not know may still hold what the rules need (家庭月收入,
  // 残疾证号): those are said first, as affecting the result; the rest (序号, 电话) after.
  const ignored = res.ignored_columns || [];
  const relevant = ignored.filter((n) => RELEVANT.test(n)), other = ignored.filter((n) => !RELEVANT.test(n));
  if (relevant.length) notes.unshift(fill(R.ignoredRelevant, { list: relevant.join('、') }));
  if (other.length) notes.push(fill(R.ignored, { list: other.join('、') }));
  if (notes.length) out.appendChild(el('div', { class: 'dd-panel dd-panel-warn', id: 'roster-notes', role: 'note' },
    el('h2', null, R.notes), el('ul', null, notes.map((n) => el('li', null, n)))));
  out.appendChild(exportBlock('兜底通比对结果.csv', res.csv, R.export, R.exportText));
  out.appendChild(el('h2', null, R.summary));
  out.appendChild(el('div', { class: 'dd-table-wrap', tabindex: '0', role: 'region', 'aria-label': R.summary },
    table(R.summary, [{ label: R.program, get: (s) => s.name }, { label: S.status.eligible, get: (s) => s.eligible },
      { label: S.status.maybe, get: (s) => s.maybe }, { label: S.status.ineligible, get: (s) => s.ineligible }], res.summary, 'roster-summary')));
  const money = (v) => (v === null || v === undefined ? '—' : String(v));
  const hhCols = (extra) => [{ label: R.key, get: (r) => r.key }, { label: R.regionCol, get: (r) => regionNames.get(r.region) || r.region }, { label: R.size, get: (r) => r.size },
    { label: R.receives, get: (r) => r.receives || '—' }, { label: R.perCapita, get: (r) => money(r.per_capita_monthly) }, ...extra, { label: R.line, get: (r) => r.line }];
  const prog = (id, name) => ({ label: name, get: (r) => (r.programs[id] ? S.status[r.programs[id].status] + (r.programs[id].amount ? ' ' + r.programs[id].amount : '') : '—') });
  out.appendChild(list('list-should-have', R.shouldHave, R.shouldHaveLead, res.rows.filter((r) => r.should_have), hhCols([prog('dibao', '低保'), prog('tekun', '特困')])));
  const why = { label: R.why, get: (r) => r.why || '—' };
  out.appendChild(list('list-should-exit', R.shouldExit, R.shouldExitLead, res.rows.filter((r) => r.should_exit), hhCols([prog('dibao', '低保'), prog('tekun', '特困'), why])));
  out.appendChild(list('list-visit', R.visit, R.visitLead, res.rows.filter((r) => r.visit), hhCols([prog('dibao', '低保'), prog('tekun', '特困'), why])));
  const errs = [];
  for (const r of res.rows) for (const e of r.errors) errs.push(Object.assign({ key: r.key }, e));
  for (const e of res.errors) errs.push(Object.assign({ key: '' }, e));
  errs.sort((a, b) => a.row - b.row);
  out.appendChild(list('list-errors', R.errors, R.errorsLead, errs, [{ label: R.row, get: (e) => e.row }, { label: R.key, get: (e) => e.key },
    { label: R.column, get: (e) => e.column }, { label: R.message, get: (e) => e.message }]));
}

async function run(file, region) {
  const status = $('roster-status');
  const bar = $('roster-progress');
  const t0 = performance.now();
  let text, encoding;
  try { ({ text, encoding } = decode(await file.arrayBuffer())); } catch (e) { status.textContent = fill(R.readFailed, { msg: e.message || e }); return; }
  bar.hidden = false; bar.max = 1; bar.value = 0;
  try { await ready; } catch (e) { status.textContent = fill(R.engineFailed, { msg: e.message }); return; }
  let res;
  try {
    res = await screenRoster(text, region, (done, total) => {
      bar.max = Math.max(1, total); bar.value = done;
      status.textContent = fill(R.progress, { done, total });
    });
  } catch (e) { bar.hidden = true; status.textContent = fill(R.engineFailed, { msg: e.message }); return; }
  const seconds = (performance.now() - t0) / 1000;
  render(res, seconds, encoding);
  bar.hidden = true;
  status.textContent = R.finished;
  document.documentElement.setAttribute('data-roster', 'done');
  document.documentElement.setAttribute('data-roster-ms', String(Math.round(seconds * 1000)));
}

async function init() {
  $('dd-roster-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = $('roster-file').files[0];
    if (!f) { $('roster-status').textContent = R.noFile; $('roster-file').focus(); return; }
    document.documentElement.removeAttribute('data-roster');
    run(f, $('roster-region').value);
  });
  try {
    await ready;
  } catch (e) {
    // The module not downloaded (offline before this page was ever opened online):
    // say how to get it, not that the browser cannot run it.
    $('roster-status').textContent = e.reason === 'download' ? R.engineOffline : fill(R.engineFailed, { msg: e.message });
    document.documentElement.setAttribute('data-engine', 'failed');
    return;
  }
  $('roster-template').appendChild(exportBlock('台账模板.csv', template, R.template, R.templateText));
  // Regions: from the same module, through the page's own copy of the list.
  try {
    const info = await (await fetch(ASSETS.info)).json();
    for (const r of info.regions) {
      $('roster-region').appendChild(el('option', { value: r.id }, `${r.name}（${r.doc}）`));
      regionNames.set(r.id, r.name);
    }
  } catch (e) { /* the 地区 column still works */ }
  document.documentElement.setAttribute('data-engine', 'ready');
}

init();
