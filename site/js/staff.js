// 窗口快速测算 (staff mode): every question on one screen in interview order,
// keyboard-first, results beside the form recomputed as fields change. Alt+C or
// Esc twice clears everything between households. Opens a 预审单 link
// (staff.html#h=…) and scans its QR code where the browser can.
import { T, overlapText } from './text.js';
import { S, fill } from './staff-text.js';
import { el } from './dom.js';
import { loadEngine } from './engine.js';
import { showHandoff, decode, payloadFromHash, fieldLabel } from './handoff.js';

const INCOME = ['wages', 'business', 'property', 'pension_basic', 'pension_other', 'honors', 'student_aid', 'transfers', 'other'];
const FLAGS = ['serious_illness', 'orphan', 'unsupported_child', 'in_institution', 'has_capable_supporter', 'employed', 'newly_employed', 'veteran_5lao'];
const STATUS = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'];
const EVENTS = ['illness', 'injury', 'accident', 'fire', 'lightning', 'disaster', 'epidemic', 'unemployment', 'other'];

let engine = null;
let regions = [];
let members = 1;
let timer = null;
let lastEsc = 0;
let current = { household: null, result: null };
let handoffFor = '';  // the household (JSON) the open 预审单 was made for

const $ = (id) => document.getElementById(id);

function select(id, label, options, opts = {}) {
  const s = el('select', { id, name: id, class: 'dd-select' },
    opts.noBlank ? null : el('option', { value: '' }, S.blank),
    Object.keys(options).map((v) => el('option', { value: v }, options[v])));
  return el('div', { class: 'dd-cell' + (opts.wide ? ' dd-cell-wide' : '') }, el('label', { for: id }, label), s);
}
function num(id, label, opts = {}) {
  return el('div', { class: 'dd-cell' }, el('label', { for: id }, label),
    el('input', { id, name: id, type: 'text', inputmode: opts.int ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'dd-input dd-input-short' }));
}
const yn = { 'true': S.yes, 'false': S.no };

function memberRow(i) {
  const p = `m${i}.`;
  const C = S.staff.cols;
  const rel = Object.assign({}, S.relations);
  if (i > 0) delete rel.head;
  const row = el('fieldset', { class: 'dd-member', id: `member-${i}`, 'data-member': i },
    el('legend', null, `${S.staff.member} ${i + 1}` + (i === 0 ? `（${S.relations.head}）` : '')),
    el('div', { class: 'dd-grid' },
      i === 0 ? null : select(p + 'relation', C.relation, rel),
      num(p + 'age', C.age, { int: true }),
      select(p + 'labor', C.labor, S.staff.laborOpts),
      select(p + 'self_care', C.self_care, S.staff.selfCareOpts),
      select(p + 'disability_grade', C.disability_grade, S.staff.gradeOpts),
      select(p + 'disability_kind', C.disability_kind, T.q.disability_kind.options),
      select(p + 'school', C.school, T.q.school.options),
      FLAGS.map((k) => select(p + k, C[k], yn))),
    el('div', { class: 'dd-grid dd-grid-income', role: 'group', 'aria-label': `${S.staff.member} ${i + 1} ${S.staff.incomeTitle}` },
      el('p', { class: 'dd-grid-title' }, S.staff.incomeTitle),
      INCOME.map((k) => num(`${p}inc.${k}`, T.q.income_monthly.kinds[k]))),
    i === 0 ? null : el('button', { type: 'button', class: 'dd-link', onclick: () => removeMember(i) }, S.staff.removeMember + ' ' + (i + 1)));
  return row;
}

function renderMembers(values) {
  const box = $('dd-members');
  box.textContent = '';
  for (let i = 0; i < members; i++) box.appendChild(memberRow(i));
  if (values) setValues(values);
}

function values() {
  const out = {};
  for (const e of $('dd-form').elements) if (e.name) out[e.name] = e.value;
  return out;
}
function setValues(v) {
  for (const e of $('dd-form').elements) if (e.name && v[e.name] !== undefined) e.value = v[e.name];
}

function addMember() {
  if (members >= 20) return;
  const v = values();
  members++;
  renderMembers(v);
  const first = $(`member-${members - 1}`).querySelector('select, input');
  if (first) first.focus();
  schedule();
}
function removeMember(i) {
  const v = values();
  // shift members after i up by one
  const out = {};
  for (const k of Object.keys(v)) {
    const m = /^m(\d+)\.(.*)$/.exec(k);
    if (!m) { out[k] = v[k]; continue; }
    const j = Number(m[1]);
    if (j < i) out[k] = v[k];
    else if (j > i) out[`m${j - 1}.${m[2]}`] = v[k];
  }
  members--;
  renderMembers(out);
  schedule();
}

const numOf = (s) => {
  const t = String(s || '').trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (t === '') return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;   // a non-number goes through: the core reports it
};

// The form -> a household of the contract. Blank = not given.
export function household(v) {
  const h = { schema: 1, region: v.region, members: [] };
  if (v.as_of) h.as_of = v.as_of;
  if (v.hukou) h.hukou = v.hukou;
  for (let i = 0; i < members; i++) {
    const p = `m${i}.`;
    const age = numOf(v[p + 'age']);
    const m = { age: age === undefined ? null : age, relation: i === 0 ? 'head' : (v[p + 'relation'] || 'other') };
    for (const k of ['labor', 'self_care', 'disability_kind', 'school']) if (v[p + k]) m[k] = v[p + k];
    if (v[p + 'disability_grade'] !== '' && v[p + 'disability_grade'] !== undefined) m.disability_grade = Number(v[p + 'disability_grade']);
    if (m.disability_kind && !m.disability_grade) delete m.disability_kind;
    for (const k of FLAGS) if (v[p + k]) m[k] = v[p + k] === 'true';
    if (INCOME.some((k) => numOf(v[`${p}inc.${k}`]) !== undefined)) {
      m.income_monthly = {};
      for (const k of INCOME) { const n = numOf(v[`${p}inc.${k}`]); m.income_monthly[k] = n === undefined ? 0 : n; }
    }
    h.members.push(m);
  }
  const assets = {};
  if (numOf(v.deposits) !== undefined) assets.deposits = numOf(v.deposits);
  if (numOf(v.housing_area_m2) !== undefined) assets.housing_area_m2 = numOf(v.housing_area_m2);
  if (v.owns_home) assets.owns_home = v.owns_home === 'true';
  if (Object.keys(assets).length) h.assets = assets;
  const exp = {};
  for (const k of ['medical', 'education', 'disaster']) if (numOf(v['exp.' + k]) !== undefined) exp[k] = numOf(v['exp.' + k]);
  if (Object.keys(exp).length) h.expenses_yearly = exp;
  if (v['ev.kind'] === 'none') h.events = [];
  else if (v['ev.kind']) {
    const e = { kind: v['ev.kind'], months_ago: numOf(v['ev.months_ago']) === undefined ? 0 : numOf(v['ev.months_ago']) };
    if (numOf(v['ev.cost']) !== undefined) e.cost = numOf(v['ev.cost']);
    if (numOf(v['ev.compensated']) !== undefined) e.compensated = numOf(v['ev.compensated']);
    h.events = [e];
  }
  const st = {};
  for (const k of STATUS) if (v['st.' + k]) st[k] = v['st.' + k] === 'true';
  if (numOf(v.months_on_dibao) !== undefined) st.months_on_dibao = numOf(v.months_on_dibao);
  if (Object.keys(st).length) h.status = st;
  if (numOf(v.temporary) !== undefined) h.aid_this_year = { temporary: numOf(v.temporary) };
  return h;
}

// A household of the contract -> the form (for a 预审单 link).
function fromHousehold(h) {
  const v = { region: h.region || '', as_of: h.as_of || '', hukou: h.hukou || '' };
  (h.members || []).forEach((m, i) => {
    const p = `m${i}.`;
    v[p + 'age'] = m.age === undefined || m.age === null ? '' : String(m.age);
    if (i > 0) v[p + 'relation'] = m.relation || 'other';
    for (const k of ['labor', 'self_care', 'disability_kind', 'school']) v[p + k] = m[k] || '';
    v[p + 'disability_grade'] = m.disability_grade === undefined ? '' : String(m.disability_grade);
    for (const k of FLAGS) v[p + k] = m[k] === undefined ? '' : String(m[k]);
    // Blank income cells count as 0 once one is filled: show only what is not 0. An
    // income given as {} is "no income" (the contract's 0s), so wages show 0, not blank.
    const inc = m.income_monthly;
    const anyIncome = inc && INCOME.some((k) => inc[k]);
    for (const k of INCOME) {
      const val = inc ? (inc[k] === undefined ? 0 : inc[k]) : undefined;
      v[`${p}inc.${k}`] = val === undefined || (val === 0 && (anyIncome || k !== 'wages')) ? '' : String(val);
    }
  });
  const a = h.assets || {};
  v.deposits = a.deposits === undefined ? '' : String(a.deposits);
  v.housing_area_m2 = a.housing_area_m2 === undefined ? '' : String(a.housing_area_m2);
  v.owns_home = a.owns_home === undefined ? '' : String(a.owns_home);
  const e = h.expenses_yearly || {};
  for (const k of ['medical', 'education', 'disaster']) v['exp.' + k] = e[k] === undefined ? '' : String(e[k]);
  if (h.events && h.events.length) {
    const x = h.events[0];
    v['ev.kind'] = x.kind; v['ev.months_ago'] = String(x.months_ago);
    v['ev.cost'] = x.cost === undefined ? '' : String(x.cost);
    v['ev.compensated'] = x.compensated === undefined ? '' : String(x.compensated);
  } else v['ev.kind'] = h.events ? 'none' : '';
  const s = h.status || {};
  for (const k of STATUS) v['st.' + k] = s[k] === undefined ? '' : String(s[k]);
  v.months_on_dibao = s.months_on_dibao === undefined ? '' : String(s.months_on_dibao);
  v.temporary = h.aid_this_year && h.aid_this_year.temporary !== undefined ? String(h.aid_this_year.temporary) : '';
  return v;
}

function load(h) {
  members = Math.max(1, Math.min(20, (h.members || []).length || 1));
  renderMembers(fromHousehold(h));
  const r = $('region'); r.value = h.region || '';
  compute();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(compute, 150);
}

// A 预审单 on screen is of the household it was made for: once an answer changes,
// it (and its QR code) would print and hand over the old facts, so it goes.
function dropStaleHandoff(h) {
  if (!document.getElementById('dd-handoff') || JSON.stringify(h) === handoffFor) return;
  closeHandoff();
  $('dd-notice').textContent = S.staff.handoffStale;
}

// The sheet goes, and printing no longer looks for it.
function closeHandoff() {
  const sheet = document.getElementById('dd-handoff');
  if (sheet) sheet.remove();
  document.body.classList.remove('dd-has-handoff');
}

// What a screen reader hears after an answer: the counts, once they change (the
// list itself is rebuilt on every keystroke and is not read out again each time).
function announce(text) {
  const status = $('dd-results-status');
  if (status.textContent !== text) status.textContent = text;
}

function compute() {
  const v = values();
  const out = $('dd-results-body');
  out.textContent = '';
  const h = v.region && String(v['m0.age'] || '').trim() ? household(v) : null;
  dropStaleHandoff(h);
  if (!engine || !h) {
    out.appendChild(el('p', { class: 'dd-hint' }, engine ? S.staff.resultsEmpty : T.loading));
    current = { household: null, result: null };
    document.documentElement.setAttribute('data-result', 'none');
    announce('');
    return;
  }
  let r;
  try { r = engine.screen(h); } catch (e) { out.appendChild(el('p', { class: 'dd-error' }, String(e.message || e))); return; }
  current = { household: h, result: r };
  if (r.errors && r.errors.length) {
    out.appendChild(el('div', { class: 'dd-error-summary', role: 'alert' }, el('h3', null, S.staff.errors),
      el('ul', null, r.errors.map((e) => el('li', null, e.field ? fieldLabel(e.field) + '：' : '', e.message)))));
  }
  const programs = r.programs || [];
  if (r.household) out.appendChild(el('p', { class: 'dd-meta' }, `${r.household.size}人` +
    (r.household.per_capita_monthly !== null && r.household.per_capita_monthly !== undefined ? `，月人均 ${r.household.per_capita_monthly} 元` : '') +
    (r.household.deductions_monthly ? `（已扣减 ${r.household.deductions_monthly} 元/月）` : '')));
  if (programs.length) {
    const n = (s) => programs.filter((p) => p.status === s).length;
    const counts = fill(S.staff.counts, { e: n('eligible'), m: n('maybe'), i: n('ineligible') });
    out.appendChild(el('p', { class: 'dd-summary' }, counts));
    const overlap = overlapText(programs, '该户');
    if (overlap) out.appendChild(el('p', { class: 'dd-panel dd-overlap' }, overlap));
    announce(counts);
  } else {
    announce(r.errors && r.errors.length ? S.staff.errors : '');
  }
  const order = { eligible: 0, maybe: 1, ineligible: 2 };
  const list = el('ul', { class: 'dd-staff-programs' });
  for (const p of programs.slice().sort((a, b) => order[a.status] - order[b.status])) {
    const amt = p.amount && p.status !== 'ineligible' ? `${p.amount.up_to ? '最高' : '约'} ${p.amount.value} 元/${{ month: '月', year: '年', once: '次' }[p.amount.per]}` : '';
    list.appendChild(el('li', { class: 'dd-staff-program dd-status-' + p.status, 'data-program': p.id, 'data-status': p.status },
      el('span', { class: 'dd-badge' }, S.status[p.status]), ' ', el('strong', null, p.name), amt ? el('span', { class: 'dd-staff-amount' }, ' ' + amt) : null,
      el('details', null, el('summary', null, S.staff.why),
        el('ul', null, (p.reasons || []).map((x) => el('li', null, x.text, x.source ? el('span', { class: 'dd-cite' }, `（${x.source.doc} ${x.source.clause}）`) : null))),
        p.missing && p.missing.length ? el('p', null, S.staff.missing + p.missing.map(fieldLabel).join('、')) : null)));
  }
  out.appendChild(list);
  document.documentElement.setAttribute('data-result', r.errors && r.errors.length ? 'errors' : 'ok');
}

function clearAll() {
  members = 1;
  const region = $('region').value;
  $('dd-form').reset();
  renderMembers();
  $('region').value = region;   // the window serves one region; keep it
  closeHandoff();
  history.replaceState(null, '', location.pathname);
  compute();
  $('dd-notice').textContent = S.staff.cleared;
  $('hukou').focus();
}

function openHandoff() {
  if (!current.household || !current.result || !current.result.programs) {
    $('dd-notice').textContent = S.staff.handoffNeedsResult;  // (Alt+P did nothing, unsaid)
    return;
  }
  const region = regions.find((r) => r.id === current.household.region);
  handoffFor = JSON.stringify(current.household);
  showHandoff($('dd-handoff-slot'), { household: current.household, result: current.result, regionName: region ? region.name : '' });
}

// Camera scanning where the browser has BarcodeDetector; else the system camera app.
async function scan() {
  const slot = $('dd-scan');
  slot.textContent = '';
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) { slot.appendChild(el('p', { class: 'dd-panel' }, S.staff.scanNone)); return; }
  let stream;
  try { stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }); } catch (e) {
    slot.appendChild(el('p', { class: 'dd-panel' }, S.staff.scanNone)); return;
  }
  const video = el('video', { playsinline: '', muted: '', class: 'dd-scan-video' });
  video.srcObject = stream;
  let stop = false;
  const end = () => { stop = true; stream.getTracks().forEach((t) => t.stop()); slot.textContent = ''; };
  slot.append(el('p', null, S.staff.scanHint), video, el('button', { type: 'button', class: 'dd-button dd-button-secondary', onclick: end }, S.staff.scanStop));
  await video.play();
  const det = new window.BarcodeDetector({ formats: ['qr_code'] });
  const tick = async () => {
    if (stop) return;
    try {
      const codes = await det.detect(video);
      const p = codes.length ? payloadFromHash(new URL(codes[0].rawValue, location.href).hash) : null;
      if (p) { end(); await restore(p); return; }
    } catch (e) { /* keep trying */ }
    setTimeout(tick, 250);
  };
  tick();
}

async function restore(payload) {
  try {
    const h = await decode(payload);
    load(h);
    $('dd-notice').textContent = S.staff.restored;
  } catch (e) {
    $('dd-notice').textContent = fill(S.staff.restoreFailed, { msg: e.message || e });
  }
}

function build() {
  const C = S.staff;
  const form = $('dd-form');
  form.append(
    el('fieldset', { class: 'dd-member' }, el('legend', null, C.regionLegend),
      el('div', { class: 'dd-grid' },
        el('div', { class: 'dd-cell dd-cell-wide' }, el('label', { for: 'region' }, C.region), el('select', { id: 'region', name: 'region', class: 'dd-select' }, el('option', { value: '' }, S.blank))),
        el('div', { class: 'dd-cell' }, el('label', { for: 'as_of' }, C.asOf), el('input', { id: 'as_of', name: 'as_of', type: 'date', class: 'dd-input', 'aria-describedby': 'as_of-hint' }), el('span', { class: 'dd-hint', id: 'as_of-hint' }, C.asOfHint)),
        select('hukou', C.hukou, C.hukouOpts))),
    el('h2', { class: 'dd-staff-h' }, C.members),
    el('div', { id: 'dd-members' }),
    el('p', null, el('button', { type: 'button', class: 'dd-button dd-button-secondary dd-button-small', id: 'dd-add', onclick: addMember }, C.addMember + '（Alt+N）')),
    el('fieldset', { class: 'dd-member' }, el('legend', null, C.assets), el('div', { class: 'dd-grid' },
      num('deposits', C.deposits), num('housing_area_m2', C.housing), select('owns_home', C.ownsHome, yn))),
    el('fieldset', { class: 'dd-member' }, el('legend', null, C.costs), el('div', { class: 'dd-grid' },
      ['medical', 'education', 'disaster'].map((k) => num('exp.' + k, T.q.expenses[k])))),
    el('fieldset', { class: 'dd-member' }, el('legend', null, C.events), el('div', { class: 'dd-grid' },
      select('ev.kind', C.eventKind, Object.assign({ none: '没有' }, T.q.event.kinds)), num('ev.months_ago', C.eventMonths, { int: true }),
      num('ev.cost', C.eventCost), num('ev.compensated', C.eventComp))),
    el('fieldset', { class: 'dd-member' }, el('legend', null, C.statusTitle), el('div', { class: 'dd-grid' },
      STATUS.map((k) => select('st.' + k, T.q.status.options[k], yn)), num('months_on_dibao', C.monthsOnDibao, { int: true }), num('temporary', C.temporary, { int: true }))));
  renderMembers();
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  // "已清空" and the like are for the moment they happen, not for the next household.
  form.addEventListener('input', () => { $('dd-notice').textContent = ''; });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('dd-clear').addEventListener('click', clearAll);
  $('dd-handoff-open').addEventListener('click', openHandoff);
  $('dd-scan-open').addEventListener('click', scan);
  document.addEventListener('keydown', (e) => {
    if (e.altKey && (e.key === 'c' || e.key === 'C' || e.code === 'KeyC')) { e.preventDefault(); clearAll(); }
    else if (e.altKey && e.code === 'KeyN') { e.preventDefault(); addMember(); }
    else if (e.altKey && e.code === 'KeyP') { e.preventDefault(); openHandoff(); }
    else if (e.key === 'Escape') {
      const now = Date.now();
      if (now - lastEsc < 800) { lastEsc = 0; clearAll(); } else { lastEsc = now; $('dd-notice').textContent = S.staff.escAgain; }
    }
  });
}

async function init() {
  build();
  compute();
  try {
    engine = await loadEngine();
    regions = engine.regions();
    const sel = $('region');
    for (const r of regions) sel.appendChild(el('option', { value: r.id }, `${r.name}（${r.doc}）`));
    if (regions.length === 1) sel.value = regions[0].id;
    document.documentElement.setAttribute('data-engine', 'ready');
  } catch (e) {
    document.documentElement.setAttribute('data-engine', 'failed');
    $('dd-notice').textContent = fill(S.roster.engineFailed, { msg: e.message || e });
    return;
  }
  const p = payloadFromHash(location.hash);
  if (p) await restore(p);
  else compute();
  window.addEventListener('hashchange', () => { const q = payloadFromHash(location.hash); if (q) restore(q); });
}

init();
