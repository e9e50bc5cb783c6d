// The results page: what the family may get and what to do next, then what is
// still open, then what it does not qualify for and why. Reads the contract's
// result JSON and the policy (for the text of cited clauses).
import { T, fill, glossaryFor, overlapText } from './text.js';
import { findPageForPath } from './questions.js';
import { h, memberWho, fieldName, formatAnswer, money } from './ui.js';

const ORDER = ['eligible', 'maybe', 'ineligible'];

function amountText(a) {
  if (!a || a.value === undefined || a.value === null) return null;
  const key = a.per + (a.up_to ? 'UpTo' : '');
  const tpl = T.results.amount[key] || T.results.amount[a.per] || '{v} 元';
  return fill(tpl, { v: money(a.value) });
}

function missingLabel(path, answers) {
  const m = /^members\[(\d+)\]\.(\w+)/.exec(path);
  if (m) return fill(T.fields.memberField, { who: memberWho(Number(m[1]), answers), field: T.fields[m[2]] || m[2] });
  return T.fields[path] || T.fields.local;
}

// How far the income is above the line, said as a fact, not as a verdict: on a
// 可能符合 card what the reasons below still weigh (costs a county deducts, say) may
// bring it under, and anyone may still apply.
function thresholdText(t, status) {
  if (!t || t.limit === null || t.limit === undefined || t.value === null || t.value === undefined) return null;
  const gap = t.gap !== undefined && t.gap !== null ? t.gap : t.limit - t.value;
  const values = { label: t.label || '', limit: money(t.limit), value: money(t.value), gap: money(Math.abs(gap)) };
  if (gap > 0) return null;  // below the line: the reasons already say so
  // On the line: whether that counts (低于 or 不高于) is the reasons' to say, not "高出 0 元".
  let s = fill(gap === 0 ? T.results.thresholdAt : status === 'maybe' ? T.results.thresholdAboveMaybe : T.results.thresholdAbove, values);
  if (t.per === 'year') s = s.replace(/月人均/g, '年人均');
  return s;
}

function citation(source, policy) {
  if (!source) return null;
  const label = fill(T.results.source, { doc: source.doc || '', clause: source.clause || '' });
  const sameDoc = policy && policy.document && policy.document.doc === source.doc;
  const text = sameDoc && policy.clauses ? policy.clauses[source.clause] : null;
  if (!text) return h('p', { class: 'dd-cite' }, label);
  return h('details', { class: 'dd-cite' },
    h('summary', null, label, h('span', { class: 'dd-cite-more' }, ' · ' + T.results.readClause)),
    h('blockquote', null, h('p', null, text), h('footer', null, source.doc + ' ' + source.clause)));
}

// Where and how to apply, from the result; the clauses it rests on are the
// policy's (`apply.sources`), with their text as a reason's citation has it.
function applyBlock(p, ctx, open) {
  const apply = p.apply;
  if (!apply) return null;
  const part = (cls, title, ...content) => h('div', { class: 'dd-apply-part dd-apply-' + cls }, h('h4', null, title), ...content);
  const body = [];
  if (apply.where) body.push(part('where', T.results.where, h('p', null, apply.where)));
  if (apply.documents && apply.documents.length)
    body.push(part('docs', T.results.documents, h('ul', { class: 'dd-list' }, apply.documents.map((d) => h('li', null, d))),
      h('p', { class: 'dd-hint' }, T.results.documentsNote)));
  if (apply.steps && apply.steps.length)
    body.push(part('steps', T.results.steps, h('ol', { class: 'dd-steps' }, apply.steps.map((s) => h('li', null, s)))));
  if (apply.time_limit) body.push(part('time', T.results.timeLimit, h('p', null, apply.time_limit)));
  const own = ctx.policy && (ctx.policy.programs || []).find((x) => x.id === p.id);
  const sources = own && own.apply && own.apply.sources;
  if (sources && sources.length) body.push(part('basis', T.results.applyBasis, ...sources.map((s) => citation(s, ctx.policy)),
    own.apply.note ? h('p', { class: 'dd-hint' }, own.apply.note) : null));
  return h('details', { class: 'dd-apply', open: open ? '' : null }, h('summary', null, T.results.howTo), body);
}

function programCard(p, ctx) {
  const card = h('section', { class: 'dd-program dd-status-' + p.status, 'aria-labelledby': 'prog-' + p.id });
  card.appendChild(h('h3', { id: 'prog-' + p.id },
    h('span', { class: 'dd-badge' }, T.results.statusMark[p.status] || p.status), ' ', p.name));
  const amt = amountText(p.amount);
  if (amt && p.status !== 'ineligible') card.appendChild(h('p', { class: 'dd-amount' }, amt));
  if (p.members && p.members.length && ctx.answers.size && p.members.length < Number(ctx.answers.size))
    card.appendChild(h('p', { class: 'dd-members' }, fill(T.results.members, { list: p.members.map((i) => memberWho(i, ctx.answers)).join('、') })));
  const th = thresholdText(p.threshold, p.status);
  if (th) card.appendChild(h('p', { class: 'dd-threshold' }, th));
  const ended = p.status !== 'ineligible' ? endedNote(p, ctx.policy) : null;
  if (ended) card.appendChild(ended);
  if (p.status === 'eligible') card.appendChild(applyBlock(p, ctx, true));
  if (p.reasons && p.reasons.length) {
    const list = h('ul', { class: 'dd-reasons' }, p.reasons.map((r) => h('li', null, h('p', null, r.text), citation(r.source, ctx.policy))));
    // When nothing at all may apply, the reasons are the page's news (明溪's, for a
    // rural household, each say where rural families ask instead): shown open.
    if (p.status === 'ineligible') card.appendChild(h('details', { class: 'dd-why-box', open: ctx.noneOpen ? '' : null }, h('summary', null, T.results.whyNot), list));
    else { card.appendChild(h('h4', { class: 'dd-why' }, T.results.why)); card.appendChild(list); }
  }
  if (p.status === 'maybe' && p.missing && p.missing.length) {
    const seen = new Set();
    const items = [];
    for (const path of p.missing) {
      const label = missingLabel(path, ctx.answers);
      if (seen.has(label)) continue;
      seen.add(label);
      const page = findPageForPath(ctx.flow, path);
      items.push(h('li', null, label, page ? h('button', { type: 'button', class: 'dd-link dd-no-print', onclick: () => ctx.onEdit(page.key) },
        T.results.answerIt, h('span', { class: 'dd-visually-hidden' }, '：' + label)) : null));
    }
    card.appendChild(h('div', { class: 'dd-missing' }, h('h4', null, T.results.missingTitle), h('ul', null, items)));
  }
  if (p.status === 'maybe') card.appendChild(applyBlock(p, ctx, false));
  return card;
}

function overlapNote(programs) {
  const text = overlapText(programs);
  return text ? h('p', { class: 'dd-panel dd-overlap' }, text) : null;
}

// The amounts are the document's own, as of its date (the contract's default
// as_of). Read years later they are not today's: where the document's period has
// ended (or, naming no end, a year after it was issued), say so beside them.
const cnDate = (iso) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
export function datedNote(policy, now = new Date()) {
  const doc = policy && policy.document;
  if (!doc || !doc.issued) return null;
  const today = now.toISOString().slice(0, 10);
  const yearOn = String(Number(doc.issued.slice(0, 4)) + 1) + doc.issued.slice(4);
  if (doc.effective_to ? today <= doc.effective_to : today <= yearOn) return null;
  const text = doc.effective_to ? fill(T.results.dated, { to: cnDate(doc.effective_to) }) : fill(T.results.datedOpen, { issued: cnDate(doc.issued) });
  return h('p', { class: 'dd-panel dd-panel-warn dd-dated' }, text);
}

// A program paid only in a stated window (泉港's 价格临时补贴, March to June 2020) that
// has ended by today: its 符合 is the document's, screened at its date, and the
// resident is told it is no longer paid, beside it.
export function endedNote(p, policy, now = new Date()) {
  const own = policy && (policy.programs || []).find((x) => x.id === p.id);
  const params = (own && own.params) || {};
  const to = params.window_to && params.window_to.value;
  if (typeof to !== 'string' || now.toISOString().slice(0, 10) <= to) return null;
  const from = params.window_from && params.window_from.value;
  return h('p', { class: 'dd-panel dd-panel-warn dd-ended' },
    fill(typeof from === 'string' ? T.results.ended : T.results.endedTo, { from: from && cnDate(from), to: cnDate(to) }));
}

function answersList(ctx) {
  const dl = h('dl', { class: 'dd-answers' });
  for (const page of ctx.flow) {
    for (const f of page.fields) {
      dl.appendChild(h('div', { class: 'dd-answer' },
        h('dt', null, fieldName(f, ctx.answers)),
        h('dd', null, formatAnswer(f, ctx.answers[f.id], ctx.answers), ' ',
          h('button', { type: 'button', class: 'dd-link dd-no-print', onclick: () => ctx.onEdit(page.key) },
            T.change, h('span', { class: 'dd-visually-hidden' }, fieldName(f, ctx.answers))))));
    }
  }
  return h('details', { class: 'dd-answers-box dd-no-print' }, h('summary', null, T.results.yourAnswers),
    h('p', { class: 'dd-hint' }, T.results.answersHint), dl);
}

// The documents' words a results page uses (公示, 民主评议, 社会化发放, …), each
// explained once, under the programs: an elderly resident reads the steps too.
function glossary(text) {
  const used = glossaryFor(text);
  if (!used.length) return null;
  return h('details', { class: 'dd-glossary' }, h('summary', null, T.glossaryTitle),
    h('dl', null, used.map(([word, meaning]) => [h('dt', null, word), h('dd', null, meaning)])));
}

export function renderResults(main, ctx) {
  const r = ctx.result || { errors: [{ field: '', message: T.failure.title }] };
  main.appendChild(h('h1', { tabindex: '-1' }, T.results.title));
  const region = (ctx.regions || []).find((x) => x.id === r.region);
  if (r.policy) {
    main.appendChild(h('p', { class: 'dd-meta' }, fill(T.results.forRegion, { name: region ? region.name : r.region, title: r.policy.title, doc: r.policy.doc }),
      r.as_of ? '，' + fill(T.results.asOf, { date: cnDate(r.as_of) }) : '', '。'));
    const dated = datedNote(ctx.policy);
    if (dated) main.appendChild(dated);
  }
  if (r.errors && r.errors.length) {
    main.appendChild(h('div', { class: 'dd-error-summary', role: 'alert' }, h('h2', null, T.results.errorsTitle),
      h('ul', null, r.errors.map((e) => {
        const page = e.field ? findPageForPath(ctx.flow, e.field) : null;
        return h('li', null, e.message, page ? h('button', { type: 'button', class: 'dd-link', onclick: () => ctx.onEdit(page.key) }, T.change) : null);
      }))));
  }
  const programs = r.programs || [];
  if (r.household) {
    const hh = r.household;
    const parts = [fill(T.results.household, { size: hh.size })];
    if (hh.per_capita_monthly !== null && hh.per_capita_monthly !== undefined) {
      parts.push('，' + fill(T.results.perCapita, { v: money(hh.per_capita_monthly) }));
      if (hh.deductions_monthly) parts.push(fill(T.results.deductions, { v: money(hh.deductions_monthly) }));
    }
    main.appendChild(h('p', { class: 'dd-meta' }, parts.join(''), '。'));
  }
  if (programs.length) {
    const count = (s) => programs.filter((p) => p.status === s).length;
    main.appendChild(h('p', { class: 'dd-summary', role: 'status' },
      fill(T.results.summary, { e: count('eligible'), m: count('maybe'), i: count('ineligible') })));
    if (!count('eligible')) main.appendChild(h('p', { class: 'dd-panel' }, count('maybe') ? T.results.noneEligible : T.results.noneAtAll));
    const overlap = overlapNote(programs);
    if (overlap) main.appendChild(overlap);
  }
  const noneOpen = programs.length > 0 && programs.every((p) => p.status === 'ineligible');
  for (const status of ORDER) {
    const list = programs.filter((p) => p.status === status);
    if (!list.length) continue;
    const sec = h('section', { class: 'dd-group dd-group-' + status, 'aria-labelledby': 'group-' + status },
      h('h2', { id: 'group-' + status }, T.results[status] + '（' + list.length + '）'),
      h('p', { class: 'dd-hint' }, T.results[status + 'Lead']));
    for (const p of list) sec.appendChild(programCard(p, noneOpen ? Object.assign({}, ctx, { noneOpen }) : ctx));
    main.appendChild(sec);
  }
  const words = glossary(main.textContent);
  if (words) main.appendChild(words);
  main.appendChild(h('p', { class: 'dd-panel' }, T.results.officeNote));
  main.appendChild(h('p', { class: 'dd-print-only' }, T.results.printNote));
  main.appendChild(answersList(ctx));
  const actions = h('div', { class: 'dd-actions dd-no-print' });
  if (ctx.onPrint) actions.appendChild(h('button', { type: 'button', class: 'dd-button dd-button-secondary', onclick: ctx.onPrint }, T.results.print));
  actions.appendChild(h('button', { type: 'button', class: 'dd-button dd-button-secondary', onclick: ctx.onRestart }, T.results.restart));
  main.appendChild(actions);
}

// Printing opens the "怎么申请" blocks so the paper says where to go.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('.dd-status-eligible .dd-apply, .dd-status-maybe .dd-apply').forEach((d) => { d.open = true; });
});
