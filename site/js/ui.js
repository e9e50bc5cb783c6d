// Small DOM helpers and the wording that depends on answers (who is who).
import { T, fill } from './text.js';
import { UNKNOWN, STATUS_KINDS } from './questions.js';

// h('p', {class: 'x', onclick: fn}, 'text', child, [children]) -> element (dom.js).
export { el as h } from './dom.js';

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

// "您（或户主）" for the first person, "配偶（40岁）" for the others.
export function memberWho(i, answers) {
  if (i === 0) return T.memberFirst;
  const rel = answers[`m${i}.relation`];
  const age = answers[`m${i}.age`];
  const relText = rel && T.relations[rel] ? T.relations[rel] : fill(T.memberNth, { n: i + 1 });
  return age !== undefined && age !== UNKNOWN ? `${relText}（${age}岁）` : relText;
}

// Title, hint, help, options, label and unit of a field, with {who} filled in.
export function fieldText(field, answers) {
  const base = T.q[field.text] || {};
  const who = field.member !== undefined ? memberWho(field.member, answers) : '';
  const out = {
    title: fill(base.title || '', { who }),
    hint: base.hint || '',
    help: base.help || null,
    options: base.options || {},
    none: base.none,
    label: base.label ? base.label : null,
    unit: base.unit || null,
  };
  if (field.sub) {
    if (field.text === 'income_monthly') {
      out.title = base.kinds[field.sub]; out.label = out.title; out.unit = '元/月'; out.hint = ''; out.help = null;
    } else if (field.text === 'expenses') {
      out.title = base[field.sub]; out.label = out.title; out.unit = '元'; out.hint = ''; out.help = null;
    } else if (field.text === 'event') {
      out.hint = ''; out.help = null;
      if (field.sub === 'kind') { out.title = base.kind; out.options = base.kinds; }
      else if (field.sub === 'months_ago') { out.title = base.months_ago; out.unit = base.months_unit; }
      else { out.title = base[field.sub]; out.unit = '元'; }
      out.label = out.title;
    }
  } else if (field.type === 'money' && !out.unit) {
    out.unit = '元';
  }
  if (field.type === 'choice' && field.options.length === 2 && field.options[0] === 'true' && !base.options) {
    out.options = { 'true': T.yes, 'false': T.no };
  }
  if (field.text === 'age' && field.member === 0 && base.titleFirst) out.title = base.titleFirst;
  if (field.text === 'relation') out.options = T.relations;
  return out;
}

// A short name for a field in the answers list: "配偶（40岁）·月收入".
export function fieldName(field, answers) {
  const t = fieldText(field, answers);
  if (field.member !== undefined) {
    const name = field.sub ? t.label : (T.fields[field.text] || t.label || t.title);
    const who = memberWho(field.member, answers);
    return name.startsWith(who) ? name : who + ' · ' + name;  // "您（或户主）每月有没有收入？" names them already
  }
  if (field.sub) return t.label;
  return t.label || t.title;
}

export function formatAnswer(field, value, answers) {
  if (value === undefined) return T.results.notAnswered;
  if (value === UNKNOWN) return T.results.unknownAnswer;
  const t = fieldText(field, answers);
  if (field.type === 'choice') return t.options[value] || value;
  if (field.type === 'multi') {
    if (value === 'none') return t.none;
    return value.split(',').filter((v) => STATUS_KINDS.indexOf(v) >= 0).map((v) => t.options[v]).join('、');
  }
  if (value === '') return '0' + (t.unit ? ' ' + t.unit : '');
  return value + (t.unit ? ' ' + t.unit : '');
}

export function progressLabel(page, answers) {
  if (page.section === 'members') {
    const n = parseInt(answers.size, 10) || 1;
    return fill(T.sectionMembers, { n: page.member + 1, total: n }) + (page.member === 0 ? '：' + T.memberFirst
      : (answers[`m${page.member}.age`] !== undefined && !page.key.startsWith('basic:') ? '：' + memberWho(page.member, answers) : ''));
  }
  return T.sectionHousehold;
}

export function money(v) {
  const n = Number(v);
  if (!isFinite(n)) return String(v);
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}
