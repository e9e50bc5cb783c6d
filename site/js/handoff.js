// 预审单: the hand-off to the 一门受理 window. A one-page printable summary of a
// result with a QR code that holds the household's answers in a URL #fragment
// (staff.html#h=…). Fragments never reach a server; opening the link on a staff
// device (system camera app, or the staff page's scanner) restores the answers.
//
// Payload: the contract household as positional arrays (short), deflated with
// CompressionStream('deflate-raw') where that is shorter and available, then
// base64url. First character: 'z' deflated, 'j' plain JSON.
import { el } from './dom.js';
import { qrSvg } from './qr.js';
import { S } from './staff-text.js';
import { T as R, overlapText } from './text.js';

const REL = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'];
const LABOR = ['full', 'partial', 'none'];
const KIND = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'];
const SCHOOL = ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college'];
const INCOME = ['wages', 'business', 'property', 'pension_basic', 'pension_other', 'honors', 'student_aid', 'transfers', 'other'];
const FLAGS = ['serious_illness', 'orphan', 'unsupported_child', 'in_institution', 'has_capable_supporter', 'employed', 'newly_employed', 'veteran_5lao'];
const EVENT = ['illness', 'injury', 'accident', 'fire', 'lightning', 'disaster', 'epidemic', 'unemployment', 'other'];
const STATUS = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'];

const idx = (list, v) => (v === undefined || v === null ? null : list.indexOf(v));
const pick = (list, i) => (i === null || i === undefined ? undefined : list[i]);
const b = (v) => (v === undefined ? null : v ? 1 : 0);
const trim = (a) => { while (a.length && (a[a.length - 1] === null || a[a.length - 1] === undefined)) a.pop(); return a; };

// household (contract) -> positional arrays
export function pack(h) {
  const members = (h.members || []).map((m) => trim([
    m.age, idx(REL, m.relation), idx(LABOR, m.labor), idx(LABOR, m.self_care),
    m.disability_grade === undefined ? null : m.disability_grade, idx(KIND, m.disability_kind),
    idx(SCHOOL, m.school), FLAGS.map((k) => m[k] === undefined ? 2 : m[k] ? 1 : 0).join(''),
    m.income_monthly ? trim(INCOME.map((k) => m.income_monthly[k] === undefined ? null : m.income_monthly[k])) : null,
  ]));
  const a = h.assets || null;
  const e = h.expenses_yearly || null;
  const s = h.status || null;
  return trim([1, h.region, h.hukou === undefined ? null : h.hukou === 'urban' ? 1 : 0, h.as_of || null, members,
    a ? [a.deposits === undefined ? null : a.deposits, a.housing_area_m2 === undefined ? null : a.housing_area_m2, b(a.owns_home)] : null,
    e ? [e.medical === undefined ? null : e.medical, e.education === undefined ? null : e.education, e.disaster === undefined ? null : e.disaster] : null,
    s ? [STATUS.map((k) => s[k] === undefined ? 2 : s[k] ? 1 : 0).join(''), s.months_on_dibao === undefined ? null : s.months_on_dibao] : null,
    h.events ? h.events.map((x) => trim([idx(EVENT, x.kind), x.months_ago, x.cost === undefined ? null : x.cost, x.compensated === undefined ? null : x.compensated])) : null,
    h.aid_this_year && h.aid_this_year.temporary !== undefined ? h.aid_this_year.temporary : null,
  ].map((v) => (Array.isArray(v) ? trim(v) : v)));
}

// positional arrays -> household (contract); null/absent stays absent
export function unpack(p) {
  if (!Array.isArray(p) || p[0] !== 1) throw new Error('unknown payload');
  const h = { schema: 1, region: p[1] };
  if (p[2] !== null && p[2] !== undefined) h.hukou = p[2] ? 'urban' : 'rural';
  if (p[3]) h.as_of = p[3];
  h.members = (p[4] || []).map((m) => {
    const x = { age: m[0] };
    const set = (k, v) => { if (v !== undefined && v !== null) x[k] = v; };
    set('relation', pick(REL, m[1]));
    set('labor', pick(LABOR, m[2]));
    set('self_care', pick(LABOR, m[3]));
    set('disability_grade', m[4]);
    set('disability_kind', pick(KIND, m[5]));
    set('school', pick(SCHOOL, m[6]));
    const f = m[7] || '';
    FLAGS.forEach((k, i) => { if (f[i] === '0' || f[i] === '1') x[k] = f[i] === '1'; });
    if (m[8]) {
      x.income_monthly = {};
      INCOME.forEach((k, i) => { if (m[8][i] !== undefined && m[8][i] !== null) x.income_monthly[k] = m[8][i]; });
    }
    return x;
  });
  if (p[5]) {
    h.assets = {};
    if (p[5][0] !== null && p[5][0] !== undefined) h.assets.deposits = p[5][0];
    if (p[5][1] !== null && p[5][1] !== undefined) h.assets.housing_area_m2 = p[5][1];
    if (p[5][2] !== null && p[5][2] !== undefined) h.assets.owns_home = !!p[5][2];
  }
  if (p[6]) {
    h.expenses_yearly = {};
    ['medical', 'education', 'disaster'].forEach((k, i) => { if (p[6][i] !== null && p[6][i] !== undefined) h.expenses_yearly[k] = p[6][i]; });
  }
  if (p[7]) {
    h.status = {};
    STATUS.forEach((k, i) => { const c = (p[7][0] || '')[i]; if (c === '0' || c === '1') h.status[k] = c === '1'; });
    if (p[7][1] !== null && p[7][1] !== undefined) h.status.months_on_dibao = p[7][1];
  }
  if (p[8]) h.events = p[8].map((e) => {
    const x = { kind: pick(EVENT, e[0]), months_ago: e[1] };
    if (e[2] !== null && e[2] !== undefined) x.cost = e[2];
    if (e[3] !== null && e[3] !== undefined) x.compensated = e[3];
    return x;
  });
  if (p[9] !== null && p[9] !== undefined) h.aid_this_year = { temporary: p[9] };
  return h;
}

function b64url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function unb64url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
async function through(stream, bytes) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

export async function encode(household) {
  const json = new TextEncoder().encode(JSON.stringify(pack(household)));
  let best = 'j' + b64url(json);
  if (typeof CompressionStream === 'function') {
    try {
      const z = 'z' + b64url(await through(new CompressionStream('deflate-raw'), json));
      if (z.length < best.length) best = z;
    } catch (e) { /* plain */ }
  }
  return best;
}

// A payload (the fragment after h=) -> household. A link cut short in a chat, or a
// QR code misread, fails here with one clear message (S.handoff.broken), never
// with whatever the base64, inflate or JSON step happened to throw. What decodes
// is a household for the core to check, which names any field that is wrong.
export async function decode(payload) {
  const kind = String(payload || '')[0];
  if (kind === 'z' && typeof DecompressionStream !== 'function') throw new Error(S.handoff.noDecompress);
  try {
    let bytes = unb64url(payload.slice(1));
    if (kind === 'z') bytes = await through(new DecompressionStream('deflate-raw'), bytes);
    else if (kind !== 'j') throw new Error('unknown payload');
    return unpack(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (e) {
    throw new Error(S.handoff.broken);
  }
}

// The link a QR code carries: the staff page of this same site, answers in the fragment.
export async function handoffUrl(household, base) {
  const u = new URL('staff.html', base || document.baseURI);
  u.search = '';
  u.hash = 'h=' + (await encode(household));
  return u.href;
}

export function payloadFromHash(hash) {
  const m = /(?:^#|&)h=([A-Za-z0-9_-]+)/.exec(hash || '');
  return m ? m[1] : null;
}

// ------------------------------------------------------------------ the sheet

function amount(a) {
  if (!a || a.value === undefined || a.value === null) return '';
  const per = { month: '元/月', year: '元/年', once: '元（一次）' }[a.per] || '元';
  return (a.up_to ? '最高 ' : '约 ') + a.value + ' ' + per;
}

// A field of the contract as staff read it: "members[0].veteran_5lao" ->
// "户主：是否革命“五老”人员", "assets.deposits" -> "家庭存款" (the resident page's names).
export function fieldLabel(path) {
  const m = /^members\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) return (m[1] === '0' ? '户主' : '成员' + (Number(m[1]) + 1)) + (m[2] ? '：' + (R.fields[m[2]] || m[2]) : '');
  return R.fields[path] || R.fields[path.split('.')[0]] || path;
}

// Each program lists its own documents: "书面申请" and "书面申请（可委托村委会代为提出）",
// "身份证" and "家庭成员身份证". One list for the window keeps the fuller wording only.
function broadest(items) {
  return items.filter((d) => !items.some((e) => e !== d && e.includes(d)));
}

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// The one-page sheet (without the QR, which comes after the warning).
export function sheet(household, result, regionName) {
  const T = S.handoff;
  const programs = result && result.programs ? result.programs : [];
  const hh = result && result.household ? result.household : null;
  const people = (household.members || []).map((m, i) => {
    const parts = [S.relations[m.relation || (i === 0 ? 'head' : 'other')] + ' ' + m.age + '岁'];
    if (m.disability_grade) parts.push('残疾' + m.disability_grade + '级');
    if (m.serious_illness) parts.push('重病');
    if (m.labor === 'none') parts.push('无劳动能力');
    if (m.self_care && m.self_care !== 'full') parts.push(m.self_care === 'none' ? '失能' : '半失能');
    // The facts 特困 and 孤儿保障 turn on, for the window to see at a glance.
    if (m.orphan) parts.push('孤儿');
    if (m.unsupported_child) parts.push('事实无人抚养');
    if (m.has_capable_supporter === false) parts.push('无有能力的赡养抚养人');
    if (m.in_institution) parts.push('集中供养');
    return parts.join('，');
  });
  // What may apply, with reasons; what does not, by name only: the sheet fits one A4 page.
  const list = programs.filter((p) => p.status === 'eligible').concat(programs.filter((p) => p.status === 'maybe'));
  const closed = programs.filter((p) => p.status === 'ineligible').map((p) => p.name);
  const docs = new Set();
  const where = new Set();
  for (const p of list) if (p.status !== 'ineligible' && p.apply) {
    (p.apply.documents || []).forEach((d) => docs.add(d));
    if (p.apply.where) where.add(p.apply.where);
  }
  const policy = result && result.policy ? result.policy : {};
  const overlap = overlapText(programs);
  return el('section', { class: 'dd-sheet', 'aria-labelledby': 'dd-sheet-title' },
    el('h2', { id: 'dd-sheet-title' }, T.title),
    el('p', { class: 'dd-sheet-meta' }, `${regionName || household.region} · 《${policy.title || ''}》 ${T.docNo}：${policy.doc || ''} · ${T.date}：${today()}` +
      (result && result.as_of ? ` · ${T.standards.replace('{date}', result.as_of)}` : '')),
    el('p', { class: 'dd-sheet-meta' }, T.household + '：' + (hh ? hh.size + '人' : household.members.length + '人') +
      (hh && hh.per_capita_monthly !== null && hh.per_capita_monthly !== undefined ? '，' + T.perCapita + ' ' + hh.per_capita_monthly + ' 元' : '') +
      (household.hukou ? '，' + (household.hukou === 'urban' ? '城镇户籍' : '农村户籍') : '') + '。' + people.join('；') + '。'),
    el('table', { class: 'dd-sheet-table' },
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, T.program), el('th', { scope: 'col' }, T.status + '·' + T.amount), el('th', { scope: 'col' }, T.reasons))),
      el('tbody', null, list.map((p) => el('tr', { class: 'dd-sheet-' + p.status, 'data-program': p.id },
        el('th', { scope: 'row' }, p.name), el('td', null, el('strong', null, S.status[p.status]), p.status !== 'ineligible' && amount(p.amount) ? el('span', { class: 'dd-sheet-amount' }, amount(p.amount)) : null),
        el('td', null, (p.reasons || []).slice(0, 2).map((r) => el('span', { class: 'dd-sheet-reason' }, r.text + (r.source ? `（${r.source.doc} ${r.source.clause}）` : ''))),
          p.missing && p.missing.length ? el('span', { class: 'dd-sheet-reason' }, T.missing + p.missing.map(fieldLabel).join('、')) : null))))),
    overlap ? el('p', { class: 'dd-sheet-overlap' }, overlap) : null,
    closed.length ? el('p', { class: 'dd-sheet-closed' }, el('strong', null, S.status.ineligible + '：'), closed.join('、')) : null,
    docs.size ? el('p', null, el('strong', null, T.documents + '：'),
      broadest([...docs]).map((d, i) => [i ? '；' : '', el('span', { class: 'dd-sheet-doc' }, d)])) : null,  // items may hold a 、 themselves
    where.size ? el('p', null, el('strong', null, T.where + '：'), [...where].join('；')) : null,
    el('p', { class: 'dd-sheet-note' }, T.note));
}

// Shows the hand-off in `container`: the sheet, then a warning, and the QR code only
// after the reader agrees. `onClose` removes it.
export function showHandoff(container, { household, result, regionName, base, onClose }) {
  const T = S.handoff;
  const box = el('div', { class: 'dd-handoff', id: 'dd-handoff', tabindex: '-1', role: 'region', 'aria-label': T.title });
  const qrSlot = el('div', { class: 'dd-qr-slot' });
  const warn = el('div', { class: 'dd-warning dd-no-print', role: 'note' },
    el('p', null, el('strong', null, T.warnTitle)), el('p', null, T.warnBody));
  const canPrint = typeof window.print === 'function';
  const show = el('button', { type: 'button', class: 'dd-button', id: 'dd-qr-show', onclick: async () => {
    show.disabled = true;
    const url = await handoffUrl(household, base);
    qrSlot.textContent = '';
    qrSlot.appendChild(qrSvg(url, { px: 220, label: S.handoff.qrLabel, cls: 'dd-qr' }));
    qrSlot.appendChild(el('p', { class: 'dd-qr-caption' }, T.qrCaption));
    qrSlot.setAttribute('data-url', url);
    warn.remove();
    show.remove();
    actions.insertBefore(el('button', { type: 'button', class: 'dd-button', id: 'dd-print', onclick: () => window.print(), disabled: canPrint ? null : '' }, canPrint ? T.print : T.noPrint), actions.firstChild);
    if (!canPrint) actions.appendChild(el('p', { class: 'dd-hint' }, T.screenshot));
  } }, T.showQr);
  const actions = el('div', { class: 'dd-actions dd-no-print' }, show,
    el('button', { type: 'button', class: 'dd-button dd-button-secondary', id: 'dd-handoff-close', onclick: () => { box.remove(); document.body.classList.remove('dd-has-handoff'); if (onClose) onClose(); } }, T.close));
  box.appendChild(sheet(household, result, regionName));
  box.appendChild(qrSlot);
  box.appendChild(warn);
  box.appendChild(actions);
  const old = document.getElementById('dd-handoff');
  if (old) old.remove();
  container.appendChild(box);
  document.body.classList.add('dd-has-handoff');
  // From its top: focus alone scrolled a tall sheet to its middle on a desktop.
  box.focus({ preventScroll: true });
  box.scrollIntoView({ block: 'start' });
  return box;
}

// A household of the contract -> the resident questionnaire's answers (field ids
// of questions.js), so index.html#h=… reopens the answers and the results there.
// Facts the household leaves out stay unanswered (the core then says `missing`).
export function answersFromHousehold(h) {
  const a = {};
  const str = (v) => String(v);
  if (h.hukou) a.hukou = h.hukou;
  a.size = str(h.members.length);
  h.members.forEach((m, i) => {
    const p = `m${i}.`;
    a[p + 'age'] = str(m.age);
    if (i > 0) a[p + 'relation'] = m.relation || 'other';
    if (m.disability_grade !== undefined) a[p + 'disability_grade'] = str(m.disability_grade);
    if (m.disability_kind) a[p + 'disability_kind'] = m.disability_kind;
    for (const k of ['self_care', 'school', 'labor']) if (m[k] !== undefined) a[p + k] = m[k];
    for (const k of ['serious_illness', 'employed', 'newly_employed', 'has_capable_supporter', 'orphan', 'unsupported_child', 'in_institution', 'veteran_5lao'])
      if (m[k] !== undefined) a[p + k] = str(!!m[k]);
    if (m.income_monthly) {
      const kinds = Object.keys(m.income_monthly).filter((k) => m.income_monthly[k]);
      a[p + 'has_income'] = kinds.length ? 'yes' : 'no';
      for (const k of kinds) a[`${p}inc.${k}`] = str(m.income_monthly[k]);
    }
  });
  const as = h.assets || {};
  if (as.deposits !== undefined) a.deposits = str(as.deposits);
  if (as.owns_home !== undefined) a.owns_home = str(!!as.owns_home);
  if (as.housing_area_m2 !== undefined) a.housing_area_m2 = str(as.housing_area_m2);
  const e = h.expenses_yearly || {};
  for (const k of ['medical', 'education', 'disaster']) if (e[k] !== undefined) a['exp.' + k] = str(e[k]);
  if (h.events) {
    a.has_event = h.events.length ? 'yes' : 'no';
    if (h.events.length) {
      const x = h.events[0];
      a['ev.kind'] = x.kind; a['ev.months_ago'] = str(x.months_ago);
      if (x.cost !== undefined) a['ev.cost'] = str(x.cost);
      a['ev.compensated'] = x.compensated !== undefined ? str(x.compensated) : '';
    }
  }
  if (h.aid_this_year && h.aid_this_year.temporary !== undefined) a.temporary = str(h.aid_this_year.temporary);
  if (h.status) {
    const on = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'].filter((k) => h.status[k]);
    a.status = on.length ? on.join(',') : 'none';
    if (h.status.months_on_dibao !== undefined && on.includes('dibao')) a.months_on_dibao = str(h.status.months_on_dibao);
  }
  return a;
}
