// 兜底通 self-check: the page logic. Wording lives in text.js, the questionnaire
// in questions.js, the result page in results.js. Household data stays in this
// page's memory (and in localStorage only if the resident ticks "保存").
import { T, fill } from './text.js';
import { UNKNOWN, agesKnown, buildFlow, buildHousehold, memberCount, ruledOutByHukou, structural } from './questions.js';
import { loadEngine, loadCompatEngine, compatAvailable } from './engine.js';
import { ASSETS } from './assets.js';
import * as store from './store.js';
import { h, clear, fieldText, memberWho, formatAnswer, progressLabel } from './ui.js';
import { renderResults } from './results.js';

const state = {
  region: null,
  answers: {},
  view: 'start',      // 'start' | page key | 'results' | 'failure'
  reviewing: false,   // reached the results once: 继续 then returns there
  save: false,
  errors: null,       // [{id, message}] for the page on screen
  draft: null,        // what was typed on a page that had errors, shown again as typed
  notice: null,       // { text, warn }: a line shown once on the start page
  textSize: 0,
  restoring: false,   // a reload back into the questions: shown once the engine is ready
  linked: null,       // the region id a link named (#region=, ?region=), until the start page has read it
  linkedShown: null,  // …and, when known, led the start page with it
  linkMissing: null,  // …or, when not, said so (until the resident picks a region)
};

let engine = null;
let engineError = null;
let info = null;      // regions and offices (policies-info.json), for the start and failure pages
const enginePromise = startEngine();
const infoPromise = fetch(ASSETS.info, { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null)
  .then((v) => { info = v; return v; });

function startEngine() {
  return loadEngine().then((e) => {
    engine = e;
    document.documentElement.setAttribute('data-engine', 'ready');
    if (state.view !== 'start') warmUp();
    return e;
  }, (err) => {
    engineError = err;
    document.documentElement.setAttribute('data-engine', 'failed');
    return null;
  });
}

// The module's first screening reads the region's policy and runs most of its
// code for the first time, which the engine then compiles: 80 ms in Node, 100 ms
// and more on a slow phone. Done in idle moments once the resident has left the
// start page (its region chosen), while the first questions are read, rather than
// at the tap after the last age; in three steps, each in its own idle moment, so
// that a tap waits at most for one. Not while the page loads: that is when a phone
// is busiest. Nothing is kept and nothing leaves the page.
let warmed = false;
function warmUp() {
  if (warmed || !engine || !state.region) return;
  warmed = true;
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 300));
  const household = { schema: 1, region: state.region, hukou: 'rural', members: [{ age: 40 }] };
  const steps = [
    () => engine.policy(household.region),                 // reads the policy
    () => engine.brief(household),                         // the questionnaire's screening
    () => engine.screenText(JSON.stringify(household)),    // the results' reasons and text
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    try { step(); } catch (e) { return; /* the first real screening reports it */ }
    idle(next);
  };
  idle(next);
}

// ---------------------------------------------------------------- helpers

const app = () => document.getElementById('dd-app');

function screenObj(household) {
  if (!engine) return null;
  try {
    return engine.screen(household);
  } catch (e) {
    engineError = e;
    return null;
  }
}

function screenBrief(household) {
  if (!engine) return null;
  try {
    return engine.brief(household);
  } catch (e) {
    engineError = e;
    return null;
  }
}

let flowMemo = { key: null, value: null };
function flow() {
  const key = (engine ? 'e' : '-') + state.region + JSON.stringify(state.answers);
  if (flowMemo.key !== key) {
    const t0 = performance.now();
    flowMemo = { key, value: buildFlow(state.region, state.answers, screenBrief) };
    // Visible in the browser's performance tools (and to the tests); no data in it.
    if (performance.measure) try { performance.measure('doudi-flow', { start: t0 }); } catch (e) { /* old engines */ }
  }
  return flowMemo.value;
}

function persist() {
  const data = { region: state.region, answers: state.answers, textSize: state.textSize, reviewing: state.reviewing };
  if (state.region) store.saveSession(data);
  if (state.save) store.save(data);
}

function regionsList() {
  if (info && info.regions) return info.regions;
  if (engine) {
    try { return engine.regions(); } catch (e) { return []; }
  }
  return [];
}

function regionFromUrl() {
  const m = /(?:^|[#&])region=([\w-]+)/.exec(location.hash || '');
  if (m) return m[1];
  // Tolerated for shared links: only the region id, never household data. WeChat
  // appends its own parameters; everything else is ignored.
  try {
    const q = new URLSearchParams(location.search).get('region');
    if (q && /^[\w-]+$/.test(q)) return q;
  } catch (e) { /* old engines */ }
  return null;
}

// ---------------------------------------------------------------- navigation

function go(view, opts) {
  state.view = view;
  state.errors = null;
  state.draft = null;
  if (!opts || opts.push !== false) {
    try { history.pushState({ view }, ''); } catch (e) { /* some webviews */ }
  }
  render();
  window.scrollTo(0, 0);
  if (!(opts && opts.noFocus)) focusPageStart();
  if (view !== 'start') warmUp();
}

// Where a new page is read from: its question, or the news above it (the programs
// the 户口 rules out), which in large text would otherwise scroll off the top.
function focusPageStart() {
  const start = document.querySelector('#dd-main .dd-scope') || document.querySelector('#dd-main h1');
  if (start) start.focus({ preventScroll: true });
}

// The page is redrawn for each history entry; the browser's remembered scroll
// position belongs to another page's length (it opened results halfway down).
try { history.scrollRestoration = 'manual'; } catch (e) { /* old webviews */ }
window.addEventListener('popstate', (e) => {
  const view = e.state && e.state.view ? e.state.view : 'start';
  state.view = view;
  state.errors = null;
  state.draft = null;
  render();
  window.scrollTo(0, 0);
  // As 继续 does: the new page's start is where a screen reader continues.
  focusPageStart();
});

function goBack() {
  const f = flow();
  const idx = f.findIndex((p) => p.key === state.view);
  if (history.state && history.state.view && history.length > 1) {
    history.back();
    return;
  }
  go(idx > 0 ? f[idx - 1].key : 'start');
}

function nextAfter(key) {
  const f = flow();
  const idx = f.findIndex((p) => p.key === key);
  const unanswered = (p) => p.fields.some((fl) => state.answers[fl.id] === undefined);
  if (state.reviewing) {
    const next = f.slice(idx + 1).find(unanswered);
    return next ? next.key : 'results';
  }
  if (idx < 0) return firstUnanswered();  // a page asked at the end (`…+later`), answered: it moved to its place
  return idx + 1 < f.length ? f[idx + 1].key : 'results';
}

// 重新测算: a new household (an outreach worker's next family, often on one phone).
// Saving was agreed for the household before, not for this one: the answers kept
// on the phone go, and the next household is saved only if it is asked for again.
function onRestart() {
  state.answers = {};
  state.reviewing = false;
  state.save = false;
  store.clear();
  persist();
  go('start');
}

function clearAll() {
  state.answers = {};
  state.reviewing = false;
  state.save = false;
  store.clear();
  store.clearSession();
  state.notice = { text: T.store.cleared };
  go('start');
}

// ---------------------------------------------------------------- chrome

function setTextSize(level) {
  state.textSize = Math.max(0, Math.min(3, level));
  const root = document.documentElement;
  for (let i = 1; i <= 3; i++) root.classList.toggle('dd-size-' + i, state.textSize === i);
  persist();
  renderHeader();
}

function renderHeader() {
  const bar = document.getElementById('dd-textsize');
  if (!bar) return;
  clear(bar);
  const on = state.textSize > 0;
  bar.appendChild(h('button', { type: 'button', id: 'dd-size-toggle', class: 'dd-button dd-button-small dd-toggle', 'aria-pressed': on ? 'true' : 'false',
    onclick: () => setTextSize(on ? 0 : 1) }, on ? '✓ ' + T.textSize.toggleOn : T.textSize.toggle));
  if (on) {
    const hidden = h('span', { class: 'dd-visually-hidden' }, T.textSize.prefix);
    bar.appendChild(h('button', { type: 'button', id: 'dd-size-up', class: 'dd-button dd-button-small dd-button-secondary', disabled: state.textSize >= 3 ? '' : null,
      onclick: () => setTextSize(state.textSize + 1) }, hidden.cloneNode(true), T.textSize.bigger));
    bar.appendChild(h('button', { type: 'button', id: 'dd-size-down', class: 'dd-button dd-button-small dd-button-secondary', disabled: state.textSize <= 1 ? '' : null,
      onclick: () => setTextSize(state.textSize - 1) }, hidden, T.textSize.smaller));
  }
  bar.appendChild(h('span', { class: 'dd-visually-hidden', role: 'status' }, T.textSize.level[state.textSize]));
}

function disclaimer() {
  return h('section', { class: 'dd-disclaimer', 'aria-labelledby': 'dd-disclaimer-title' },
    h('h2', { id: 'dd-disclaimer-title' }, T.disclaimer.title),
    h('p', null, T.disclaimer.notOfficial),
    h('p', null, T.disclaimer.stillOpen),
    h('p', null, T.disclaimer.privacy));
}

// 清除我的信息 asks once more before it clears: it sits below 继续, and one
// mis-tap took every answer with it.
function clearButton(always) {
  if (!always && !Object.keys(state.answers).length && !store.load()) return null;
  const box = h('div', { class: 'dd-clear' });
  const ask = () => {
    clear(box);
    const no = h('button', { type: 'button', class: 'dd-button dd-button-secondary', id: 'dd-clear-no', onclick: () => {
      clear(box);
      box.appendChild(first());
      box.querySelector('button').focus();
    } }, T.store.keep);
    box.appendChild(h('p', { role: 'alert' }, T.store.confirmClear));
    box.appendChild(h('div', { class: 'dd-actions' },
      h('button', { type: 'button', class: 'dd-button dd-button-danger', id: 'dd-clear-yes', onclick: clearAll }, T.store.clearYes), no));
    no.focus();
  };
  const first = () => h('button', { type: 'button', class: 'dd-button dd-button-secondary', id: 'dd-clear', onclick: ask }, T.store.clear);
  box.appendChild(first());
  return box;
}

// ---------------------------------------------------------------- pages

function render() {
  const root = app();
  clear(root);
  renderHeader();
  if (state.restoring) root.appendChild(h('main', { id: 'dd-main' }, h('p', { role: 'status' }, T.loading)));
  else if (state.view === 'start') renderStart(root);
  else if (state.view === 'failure') renderFailure(root);
  else if (state.view === 'results') renderResultsPage(root);
  else renderQuestion(root);
  document.documentElement.setAttribute('data-view', state.view.split(':')[0]);
}

// A region a link named (a publicity campaign's, a shared one): known ids match
// whatever their case; one that is not known is said so, not silently dropped.
// Read once the regions are known; the start page then leads with it until the
// resident starts or picks another (`state.linkedShown`).
function takeLinkedRegion() {
  const regions = regionsList();
  const asked = state.linked;
  if (asked && regions.length) {
    state.linked = null;
    const found = regions.find((r) => r.id.toLowerCase() === asked.toLowerCase());
    if (state.region === asked) state.region = found ? found.id : null;
    if (found && state.region === found.id) state.linkedShown = found.id;
    if (!found) state.linkMissing = asked.slice(0, 40);
  }
  return state.linkedShown && state.linkedShown === state.region ? regions.find((r) => r.id === state.region) || null : null;
}

// The resident started or picked a region: the link's has had its say.
function forgetLink() {
  state.linkedShown = state.linkMissing = null;
}

function renderStart(root) {
  const linked = takeLinkedRegion();
  const chosen = state.region;
  // A region named by the link comes first; the others keep their order.
  const regions = regionsList().slice().sort((a, b) => (b.id === chosen) - (a.id === chosen));
  const main = h('main', { id: 'dd-main' });
  if (state.notice) {
    main.appendChild(h('p', { class: state.notice.warn ? 'dd-notice dd-notice-warn' : 'dd-notice', role: 'status' }, state.notice.text));
    state.notice = null;
  }
  if (state.linkMissing) main.appendChild(h('p', { class: 'dd-notice dd-notice-warn', role: 'status' }, fill(T.startPage.unknownLink, { id: state.linkMissing })));
  main.appendChild(h('h1', { tabindex: '-1' }, T.startPage.title));
  // From a link that names the region: it and the way on come first (on a small
  // phone the list of regions put them two screens down).
  const linkedBox = linked ? h('div', { class: 'dd-panel dd-linked' },
    h('p', null, fill(T.startPage.linked, { name: linked.name, doc: linked.doc })),
    h('button', { type: 'button', class: 'dd-button', onclick: () => form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true })) }, T.start)) : null;
  if (linkedBox) main.appendChild(linkedBox);
  main.appendChild(h('p', { class: 'dd-lead' }, T.startPage.intro));
  main.appendChild(h('p', null, T.disclaimer.privacy));
  main.appendChild(h('p', { class: 'dd-panel' }, T.disclaimer.notOfficial));

  const saved = store.load();
  if (saved && !Object.keys(state.answers).length) {
    main.appendChild(h('div', { class: 'dd-panel' },
      h('p', null, T.startPage.resume),
      h('div', { class: 'dd-actions' },
        h('button', { type: 'button', class: 'dd-button', onclick: () => {
          state.region = saved.region; state.answers = saved.answers; state.save = true;
          state.reviewing = !!saved.reviewing;
          if (saved.textSize) setTextSize(saved.textSize);
          go(state.reviewing ? 'results' : firstUnanswered());
        } }, T.startPage.resumeGo),
        h('button', { type: 'button', class: 'dd-button dd-button-secondary', onclick: clearAll }, T.startPage.resumeClear))));
  }

  if (state.errors) main.appendChild(errorSummary(state.errors));
  const form = h('form', { class: 'dd-form', novalidate: '', onsubmit: (e) => {
    e.preventDefault();
    const sel = form.querySelector('input[name="region"]:checked');
    if (!sel) {
      state.errors = [{ id: 'region', message: T.startPage.chooseRegion }];
      render();
      focusSummary();
      return;
    }
    forgetLink();
    if (sel.value !== state.region) {
      state.region = sel.value;
      // Answers carry over between regions; the flow adapts to the new policy.
    }
    persist();
    go(firstUnanswered());
  } });
  const fs = h('fieldset', { class: 'dd-fieldset' + (state.errors ? ' dd-has-error' : '') },
    h('legend', { class: 'dd-legend' }, h('h2', null, T.startPage.regionLegend)),
    h('p', { class: 'dd-hint', id: 'region-hint' }, T.startPage.regionHint));
  if (state.errors) fs.appendChild(h('p', { class: 'dd-error', id: 'region-error' }, T.startPage.chooseRegion));
  const list = h('div', { class: 'dd-options dd-regions' });
  if (!regions.length) list.appendChild(h('p', { role: 'status' }, T.loading));
  regions.forEach((r, i) => {
    const id = i === 0 ? 'region' : 'region-' + r.id;
    list.appendChild(h('div', { class: 'dd-option' },
      h('input', { type: 'radio', name: 'region', id, value: r.id, checked: r.id === chosen ? '' : null,
        'aria-describedby': 'region-hint', onchange: () => { state.region = r.id; forgetLink(); if (linkedBox) linkedBox.remove(); } }),
      h('label', { for: id },
        h('span', { class: 'dd-option-title' }, r.name),
        h('span', { class: 'dd-option-detail' }, '《' + r.title + '》'),
        h('span', { class: 'dd-option-detail' }, T.startPage.docNo + '：' + r.doc + ' · ' + T.startPage.issued + '：' + r.issued))));
  });
  fs.appendChild(list);
  form.appendChild(fs);
  form.appendChild(h('div', { class: 'dd-actions' }, h('button', { type: 'submit', class: 'dd-button' }, T.start)));
  main.appendChild(form);
  main.appendChild(disclaimer());
  const cb = clearButton();
  if (cb) main.appendChild(cb);
  root.appendChild(main);
  if (!regions.length) infoPromise.then(() => { if (state.view === 'start') render(); });
}

function firstUnanswered() {
  const f = flow();
  const p = f.find((pg) => pg.fields.some((fl) => state.answers[fl.id] === undefined));
  return p ? p.key : 'results';
}

function errorSummary(errors) {
  return h('div', { class: 'dd-error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'dd-error-summary-title' },
    h('h2', { id: 'dd-error-summary-title' }, T.errors.summaryTitle),
    h('ul', null, errors.map((e) => h('li', null, h('a', { href: '#' + e.id, onclick: (ev) => {
      ev.preventDefault();
      const el = document.getElementById(e.id);
      if (el) { el.focus(); el.scrollIntoView({ block: 'center' }); }
    } }, e.message)))));
}

function focusSummary() {
  const s = document.querySelector('.dd-error-summary');
  if (s) { s.focus(); window.scrollTo(0, 0); }
}

function renderQuestion(root) {
  if (!state.region) { state.view = 'start'; renderStart(root); return; }
  const f = flow();
  const idx = f.findIndex((p) => p.key === state.view);
  if (idx < 0) { state.view = firstUnanswered(); render(); return; }
  const page = f[idx];
  const main = h('main', { id: 'dd-main' });
  // How far along; the number of pages only once everyone's age is in (before that
  // the flow ends at the ages, and "共约 4 步" would turn into 17 a tap later).
  const counted = f.length > 0 && !structural(f[f.length - 1]);
  // Changing an answer from the results is no step of a walk: 继续 returns there.
  const step = state.reviewing ? T.stepReview : state.answers.size === undefined ? ''
    : counted ? fill(T.steps, { i: idx + 1, n: f.length }) : fill(T.stepOnly, { i: idx + 1 });
  main.appendChild(h('p', { class: 'dd-progress' }, progressLabel(page, state.answers), step));
  const scope = scopeNotice(f, idx);
  if (scope) main.appendChild(scope);
  const errs = state.errors || [];
  if (errs.length) main.appendChild(errorSummary(errs));
  const errFor = (id) => { const e = errs.find((x) => x.id === id); return e ? e.message : null; };

  const form = h('form', { class: 'dd-form', novalidate: '', onsubmit: (e) => { e.preventDefault(); submitPage(page, form); } });
  const single = page.fields.length === 1 && !page.forceTitle;
  if (!single) {
    let title;
    if (page.title) title = fill(T[page.title], { n: page.member + 1 });
    else {
      const [a, b] = page.titleKey.split('.');
      title = fill(T.q[a][b], { who: memberWho(page.member, state.answers) });
    }
    if (page.key === 'basic:0') title = T.q.age.titleFirst;
    main.appendChild(h('h1', { tabindex: '-1', class: 'dd-page-title' }, title));
    const pageHint = page.titleKey ? T.q[page.titleKey.split('.')[0]].hint : null;
    if (pageHint && page.fields.length > 1) main.appendChild(h('p', { class: 'dd-hint' }, pageHint));
    const help = page.titleKey ? T.q[page.titleKey.split('.')[0]].help : null;
    if (help) main.appendChild(helpBox(help));
  }
  for (const field of page.fields) form.appendChild(fieldControl(field, single ? 'h1' : null, errFor(field.id)));
  form.appendChild(h('div', { class: 'dd-actions' },
    h('button', { type: 'submit', class: 'dd-button' }, T.next),
    h('button', { type: 'button', class: 'dd-button dd-button-secondary', onclick: goBack }, T.back)));
  main.appendChild(form);
  const cb = clearButton();
  if (cb) main.appendChild(cb);
  root.appendChild(main);
}

// On the first page after the ages: the programs the household's 户口 rules out
// (questions.js ruledOutByHukou), so that a 明溪 农村 family knows at once what
// the document leaves to its 乡镇, and what the questions left are for.
function scopeNotice(f, idx) {
  if (state.reviewing || idx < 1 || !structural(f[idx - 1]) || structural(f[idx])) return null;
  const got = ruledOutByHukou(state.region, state.answers, screenBrief);
  if (!got) return null;
  const names = programNames(state.region);
  const S = T.scope[state.answers.hukou === 'urban' ? 'urban' : 'rural'];
  return h('div', { class: 'dd-panel dd-scope', tabindex: '-1' },
    h('p', null, fill(S.lead, { n: got.out.length })),
    h('ul', null, got.out.map((id) => h('li', null, names[id] || id))),
    h('p', null, S.where),
    got.rest.length ? h('p', null, fill(T.scope.rest, { list: got.rest.map((id) => names[id] || id).join('、') })) : null);
}

// Program names by id, from policies-info.json or else the module.
function programNames(region) {
  let programs = [];
  const r = info && info.regions && info.regions.find((x) => x.id === region);
  if (r) programs = r.programs || [];
  else if (engine) try { programs = engine.policy(region).programs || []; } catch (e) { /* named by id */ }
  const names = {};
  for (const p of programs) names[p.id] = p.name;
  return names;
}

function helpBox(help) {
  return h('details', { class: 'dd-help' }, h('summary', null, help.summary), h('p', null, help.body));
}

// One question: a fieldset with radios / checkboxes, or a labelled text input.
function fieldControl(field, headingTag, error) {
  const t = fieldText(field, state.answers);
  const value = state.draft && field.id in state.draft ? state.draft[field.id] : state.answers[field.id];
  const errId = field.id + '-error';
  const hintId = field.id + '-hint';
  const describedBy = [t.hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || null;
  const titleNode = headingTag ? h(headingTag, { tabindex: '-1', class: 'dd-question' }, t.title) : h('span', { class: 'dd-question' }, t.label || t.title);
  const wrap = h('div', { class: 'dd-field' + (error ? ' dd-has-error' : '') });
  const parts = [];
  if (t.hint) parts.push(h('p', { class: 'dd-hint', id: hintId }, t.hint));
  if (t.help) parts.push(helpBox(t.help));
  if (error) parts.push(h('p', { class: 'dd-error', id: errId }, h('span', { class: 'dd-visually-hidden' }, '错误：'), error));

  if (field.type === 'choice' || field.type === 'multi') {
    const multi = field.type === 'multi';
    const chosen = multi ? String(value || '').split(',') : [value];
    const opts = h('div', { class: 'dd-options' });
    const items = field.options.map((o) => ({ value: o, label: t.options[o] }));
    if (multi) items.push({ value: 'none', label: t.none, exclusive: true });
    if (field.unknown) items.push({ value: UNKNOWN, label: T.unknown, exclusive: true });
    items.forEach((it, i) => {
      const id = i === 0 ? field.id : field.id + '-' + it.value.replace(/\W/g, 'x');
      const input = h('input', { type: multi ? 'checkbox' : 'radio', name: field.id, id, value: it.value,
        checked: chosen.indexOf(it.value) >= 0 ? '' : null, 'aria-describedby': describedBy });
      if (multi) input.addEventListener('change', () => {
        if (!input.checked) return;
        opts.querySelectorAll('input').forEach((other) => {
          if (other === input) return;
          const otherExclusive = other.value === 'none' || other.value === UNKNOWN;
          if (it.exclusive || otherExclusive) other.checked = false;
        });
      });
      opts.appendChild(h('div', { class: 'dd-option' + (it.exclusive ? ' dd-option-apart' : '') }, input, h('label', { for: id }, it.label)));
    });
    wrap.appendChild(h('fieldset', { class: 'dd-fieldset', 'aria-describedby': describedBy },
      h('legend', { class: 'dd-legend' }, titleNode), parts, opts));
    return wrap;
  }
  // int / money: a text input (type=number mangles decimals and zoom on some phones).
  const isUnknown = value === UNKNOWN;
  const input = h('input', { type: 'text', id: field.id, name: field.id, class: 'dd-input' + (field.type === 'money' ? ' dd-input-money' : ''),
    inputmode: field.type === 'int' ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false',
    value: isUnknown || value === undefined ? '' : value, 'aria-describedby': describedBy,
    'aria-invalid': error ? 'true' : null });
  const label = h('label', { for: field.id, class: 'dd-label' }, titleNode);
  const row = h('div', { class: 'dd-input-row' }, input, t.unit ? h('span', { class: 'dd-unit', 'aria-hidden': 'true' }, t.unit) : null);
  if (t.unit) input.setAttribute('aria-label', (t.label || t.title) + '（' + t.unit + '）');
  wrap.appendChild(label);
  parts.forEach((p) => wrap.appendChild(p));
  wrap.appendChild(row);
  if (field.unknown) {
    const cid = field.id + '-unknown';
    wrap.appendChild(h('div', { class: 'dd-option dd-option-inline' },
      h('input', { type: 'checkbox', id: cid, name: field.id + '-unknown', checked: isUnknown ? '' : null }),
      h('label', { for: cid }, T.unknown)));
  }
  return wrap;
}

function readField(form, field) {
  if (field.type === 'choice') {
    const el = form.querySelector(`input[name="${field.id}"]:checked`);
    return el ? el.value : undefined;
  }
  if (field.type === 'multi') {
    const vals = Array.prototype.map.call(form.querySelectorAll(`input[name="${field.id}"]:checked`), (el) => el.value);
    if (!vals.length) return undefined;
    if (vals.indexOf(UNKNOWN) >= 0) return UNKNOWN;
    if (vals.indexOf('none') >= 0) return 'none';
    return vals.join(',');
  }
  const unk = form.querySelector(`input[name="${field.id}-unknown"]`);
  const raw = form.querySelector(`input[name="${field.id}"]`).value.trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '')
    .replace(field.type === 'int' ? /(岁|周岁|人|口人|口)$/ : /元$/, '');
  if (unk && unk.checked && raw === '') return UNKNOWN;
  return raw;
}

function validate(field, v) {
  const E = T.errors;
  if (field.type === 'choice' || field.type === 'multi') return v === undefined ? E.required : null;
  if (v === UNKNOWN) return null;
  if (v === '') return field.empty0 ? null : (field.type === 'money' ? E.requiredMoney : E.requiredNumber);
  if (/^-\d+(\.\d+)?$/.test(v)) return fill(E.tooSmall, { min: field.min !== undefined ? field.min : 0 });
  if (!/^\d+(\.\d+)?$/.test(v)) return field.type === 'int' ? E.notCount : E.notNumber;
  const n = Number(v);
  if (field.type === 'int' && !/^\d+$/.test(v)) return E.notWhole;
  if (field.type === 'money' && /\.\d{3,}$/.test(v)) return E.moneyDecimals;
  const min = field.min !== undefined ? field.min : 0;
  const max = field.max !== undefined ? field.max : 100000000;
  if (n < min) return fill(E.tooSmall, { min });
  if (n > max) return fill(E.tooLarge, { max });
  return null;
}

async function submitPage(page, form) {
  const values = {};
  const errors = [];
  for (const field of page.fields) {
    const v = readField(form, field);
    const msg = validate(field, v);
    if (msg) errors.push({ id: field.id, message: (page.fields.length > 1 ? (fieldText(field, state.answers).label || '') + '：' : '') + msg });
    values[field.id] = v;
  }
  if (!errors.length) {
    // The core validates too (impossible combinations, limits); its messages are shown here.
    const trial = Object.assign({}, state.answers, values);
    const n = memberCount(trial);
    if (engine && n && page.key !== 'size' && page.key !== 'hukou') {
      const res = screenObj(buildHousehold(state.region, trial));
      if (res && res.errors) {
        for (const e of res.errors) {
          const f = page.fields.find((fl) => e.field === fl.jpath || e.field.startsWith(fl.jpath + '.') || e.field.startsWith(fl.jpath + '['));
          if (f && !errors.some((x) => x.id === f.id)) errors.push({ id: f.id, message: e.message });
        }
      }
    }
  }
  if (errors.length) {
    state.draft = values;  // shown again as typed; nothing is kept until it is valid
    state.errors = errors;
    render();
    focusSummary();
    return;
  }
  for (const k of Object.keys(values)) {
    if (values[k] === '' && !page.fields.find((fl) => fl.id === k).empty0) delete state.answers[k];
    else state.answers[k] = values[k];
  }
  if (page.key === 'size') {
    // Fewer people than before: forget the answers about those no longer listed.
    const n = memberCount(state.answers);
    for (const k of Object.keys(state.answers)) {
      const m = /^m(\d+)\./.exec(k);
      if (m && Number(m[1]) >= n) delete state.answers[k];
    }
  }
  persist();
  if (!engine && !engineError && page.key.startsWith('basic:')) {
    const btn = form.querySelector('button[type="submit"]');
    btn.textContent = T.pleaseWait;
    btn.disabled = true;
    await enginePromise;
  }
  if (!engine) { go('failure'); return; }
  go(nextAfter(page.key));
}

// ---------------------------------------------------------------- results

function renderResultsPage(root) {
  if (!state.region) { state.view = 'start'; renderStart(root); return; }
  if (!engine) { state.view = 'failure'; renderFailure(root); return; }
  // Results of a household not yet described (the back button after 重新测算 or
  // 清除我的信息 returns here with no answers): its first question instead.
  const first = state.answers.hukou && agesKnown(state.answers) ? 'results' : firstUnanswered();
  if (first !== 'results') { state.view = first; render(); return; }
  state.reviewing = true;
  persist();
  const f = flow();
  const household = buildHousehold(state.region, state.answers);
  const result = screenObj(household);
  let policy = null;
  try { policy = engine.policy(state.region); } catch (e) { policy = null; }
  const main = h('main', { id: 'dd-main', class: 'dd-results' });
  renderResults(main, {
    result, policy, flow: f, answers: state.answers, regions: regionsList(),
    onEdit: (key) => go(key),
    onPrint: typeof window.print === 'function' ? () => window.print() : null,
    onRestart,
  });
  // 预审单 (handoff.js, loaded on demand): a printable sheet with a QR code for the window.
  if (result && result.programs) {
    const regionName = (regionsList().find((r) => r.id === state.region) || {}).name || '';
    // Loaded when asked for: offline without the service worker's copy (some
    // webviews have none) the import fails, and the resident is told why.
    const status = h('p', { class: 'dd-hint', role: 'status' });
    main.appendChild(h('div', { class: 'dd-actions dd-no-print' }, h('button', { type: 'button', class: 'dd-button', id: 'dd-handoff-open', onclick: () => {
      status.textContent = '';
      import('./handoff.js').then((m) => m.showHandoff(main, { household, result, regionName }),
        () => { status.textContent = T.results.handoffOffline; });
    } }, T.results.handoffOpen), status));
  }
  main.appendChild(saveBox());
  main.appendChild(disclaimer());
  main.appendChild(clearButton(true));
  root.appendChild(main);
}

function saveBox() {
  if (!store.canSave()) return h('div');
  const input = h('input', { type: 'checkbox', id: 'dd-save', checked: state.save ? '' : null, 'aria-describedby': 'dd-save-hint' });
  const status = h('p', { class: 'dd-hint', role: 'status' }, state.save ? T.store.saved : '');
  input.addEventListener('change', () => {
    state.save = input.checked;
    if (state.save) { persist(); status.textContent = T.store.saved; } else { store.clear(); status.textContent = ''; }
  });
  return h('div', { class: 'dd-save dd-no-print' },
    h('div', { class: 'dd-option' }, input, h('label', { for: 'dd-save' }, T.store.saveLabel)),
    h('p', { class: 'dd-hint', id: 'dd-save-hint' }, T.store.saveHint), status);
}

// ---------------------------------------------------------------- failure

function renderFailure(root) {
  const main = h('main', { id: 'dd-main' });
  main.appendChild(h('h1', { tabindex: '-1' }, T.failure.title));
  main.appendChild(h('p', { class: 'dd-lead' }, T.failure.body));
  main.appendChild(h('p', { class: 'dd-panel' }, T.failure.tip));
  if (compatAvailable()) {
    const btn = h('button', { type: 'button', class: 'dd-button', onclick: () => {
      btn.disabled = true;
      btn.textContent = T.failure.compatLoading;
      loadCompatEngine().then((e) => {
        engine = e; engineError = null;
        document.documentElement.setAttribute('data-engine', 'ready');
        go(state.region ? firstUnanswered() : 'start');
      }, (err) => { engineError = err; btn.disabled = false; btn.textContent = T.failure.retry; });
    } }, fill(T.failure.compat, { kb: ASSETS.asmjsKb }));
    main.appendChild(h('div', { class: 'dd-actions' }, btn));
  }
  main.appendChild(h('h2', null, T.failure.officesTitle));
  const regions = info && info.regions ? info.regions : [];
  if (!regions.length) main.appendChild(h('p', null, T.failure.noInfo));
  else {
    main.appendChild(h('p', null, T.failure.officesIntro));
    const ordered = regions.filter((r) => r.id === state.region).concat(regions.filter((r) => r.id !== state.region));
    for (const r of ordered) {
      const sec = h('details', { class: 'dd-office', open: r.id === state.region || ordered.length === 1 ? '' : null },
        h('summary', null, r.name + ' · 《' + r.title + '》（' + r.doc + '）'));
      for (const p of r.programs || []) {
        sec.appendChild(h('h3', null, p.name));
        if (p.summary) sec.appendChild(h('p', null, p.summary));
        if (p.apply && p.apply.where) sec.appendChild(h('p', null, h('strong', null, T.results.where + '：'), p.apply.where));
        if (p.apply && p.apply.documents && p.apply.documents.length)
          sec.appendChild(h('p', null, h('strong', null, T.results.documents + '：'), p.apply.documents.join('、')));
      }
      main.appendChild(sec);
    }
  }
  if (engineError) main.appendChild(h('p', { class: 'dd-hint' }, fill(T.failure.detail, { msg: String(engineError && engineError.message ? engineError.message : engineError) })));
  main.appendChild(disclaimer());
  root.appendChild(main);
}

// ---------------------------------------------------------------- start

function init() {
  const saved = store.load();
  if (saved && saved.textSize) setTextSize(saved.textSize);
  const r = regionFromUrl();
  if (r) state.region = state.linked = r;
  // A reload (the page's history entry has a view): back where the resident was,
  // with this tab's answers. A new visit starts at the start page.
  const session = store.loadSession();
  const at = history.state && typeof history.state.view === 'string' ? history.state.view : null;
  if (session && at && at !== 'start' && at !== 'failure') {
    state.region = session.region; state.answers = session.answers; state.reviewing = !!session.reviewing;
    state.linked = null;  // the tab's own answers and region win over the link it was opened with
    state.save = !!(saved && saved.region === session.region);
    if (session.textSize) setTextSize(session.textSize);
    state.view = at;
    state.restoring = !engine;
  } else {
    try { history.replaceState({ view: 'start' }, ''); } catch (e) { /* ignore */ }
  }
  // A 预审单 link (#h=…, from its QR code): reopen those answers and the results.
  const handoff = /(?:^#|&)h=([A-Za-z0-9_-]+)/.exec(location.hash || '');
  if (handoff) {
    import('./handoff.js').then((m) => m.decode(handoff[1]).then((hh) => {
      state.region = hh.region; state.answers = m.answersFromHousehold(hh); state.reviewing = true;
      try { history.replaceState({ view: 'results' }, '', location.pathname + location.search); } catch (e) { /* ignore */ }
      return enginePromise.then((e) => { if (e) go('results', { push: false }); });
    })).catch((e) => {
      // A link cut short or a code misread: say so on the start page, which stays.
      state.notice = { text: e && e.message, warn: true };
      if (state.view === 'start') render();
    });
  }
  render();
  enginePromise.then((e) => {
    if (state.restoring) {
      state.restoring = false;
      if (e) render();
    }
    if (!e && state.view !== 'failure' && state.view !== 'start') go('failure');
    else if (!e && state.view === 'start') {
      // Say it now, before any question is answered in vain.
      go('failure', { push: false, noFocus: true });
    } else if (state.view === 'start' && !(info && info.regions)) render();
  });
  infoPromise.then(() => { if (state.view === 'start') render(); });
}

init();
