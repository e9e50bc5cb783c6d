// The questionnaire as data plus the two pieces of logic that use it:
//   buildHousehold(): the answers so far -> a household of the contract (schema 1);
//   buildFlow():      which pages to ask, in order. A page is asked only when the
//                     screening module says one of its facts is still `missing`
//                     for some program, given the answers before it — so a
//                     household is never asked what cannot change its result.
// Answers are strings keyed by field id ('hukou', 'm0.age', 'exp.medical', …);
// UNKNOWN ('不清楚') leaves the fact out of the household, which the core reports
// as `missing` — an honest "maybe", never a guess.

export const UNKNOWN = '?';

const bool = ['true', 'false'];
const INCOME_KINDS = ['wages', 'business', 'property', 'pension_basic', 'pension_other', 'honors',
  'student_aid', 'transfers', 'other'];
const STATUS_KINDS = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'];
const EVENT_KINDS = ['illness', 'injury', 'accident', 'fire', 'lightning', 'disaster', 'epidemic', 'unemployment', 'other'];
export { INCOME_KINDS, STATUS_KINDS };

const has = (a, id) => a[id] !== undefined && a[id] !== '';
const known = (a, id) => has(a, id) && a[id] !== UNKNOWN;
const schoolAge = (age) => parseInt(age, 10) >= 2 && parseInt(age, 10) <= 35;
// Whether a member may be at school: as answered, else by age (nobody asks a toddler
// or anyone of 30 and over; the core's assumed_school).
function mayBeAtSchool(a, i) {
  if (known(a, `m${i}.school`)) return a[`m${i}.school`] !== 'none';
  const age = parseInt(a[`m${i}.age`], 10);
  return !(age < 3 || age >= 30);
}
function anyMember(a, test) {
  for (let i = 0; i < memberCount(a); i++) if (test(i)) return true;
  return false;
}

// Field: id, text (key into T.q), type, options, unknown (offer 不清楚), rel (the
// household path whose presence in `missing` makes it worth asking), jpath (where
// validation errors about it point), when (a structural condition on answers).
function memberFields(i) {
  const m = `m${i}.`;
  const p = `members[${i}]`;
  const f = (key, extra) => Object.assign({ id: m + key, text: key, member: i, rel: `${p}.${key}`,
    jpath: `${p}.${key}`, unknown: true }, extra);
  const age = (a) => parseInt(a[m + 'age'], 10);
  return {
    relation: f('relation', { type: 'choice', options: ['spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'],
      unknown: false, labelKey: 'label' }),
    age: f('age', { type: 'int', min: 0, max: 130, unknown: false, labelKey: 'label' }),
    disability_grade: f('disability_grade', { type: 'choice', options: ['0', '1', '2', '3', '4'] }),
    disability_kind: f('disability_kind', { type: 'choice', options: ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'],
      when: (a) => /^[1-4]$/.test(a[m + 'disability_grade'] || '') }),
    self_care: f('self_care', { type: 'choice', options: ['full', 'partial', 'none'] }),
    serious_illness: f('serious_illness', { type: 'choice', options: bool }),
    school: f('school', { type: 'choice', options: ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college'],
      when: (a) => schoolAge(a[m + 'age']) }),
    labor: f('labor', { type: 'choice', options: ['full', 'partial', 'none'] }),
    // Work from 16, the lawful working age; "found work while on 低保" only of a 低保 household
    // (or one that has not said).
    employed: f('employed', { type: 'choice', options: bool, when: (a) => age(a) >= 16 }),
    newly_employed: f('newly_employed', { type: 'choice', options: bool,
      when: (a) => age(a) >= 16 && (!known(a, 'status') || a.status.split(',').indexOf('dibao') >= 0) }),
    has_capable_supporter: f('has_capable_supporter', { type: 'choice', options: bool }),
    // Not of the 户主's 子女: a parent of theirs is in the household (the core assumes no).
    orphan: f('orphan', { type: 'choice', options: bool, when: (a) => age(a) <= 24 && a[m + 'relation'] !== 'child' }),
    unsupported_child: f('unsupported_child', { type: 'choice', options: bool, when: (a) => age(a) <= 24 }),
    in_institution: f('in_institution', { type: 'choice', options: bool }),
    veteran_5lao: f('veteran_5lao', { type: 'choice', options: bool, when: (a) => age(a) >= 40 }),
    has_income: f('has_income', { type: 'choice', options: ['yes', 'no'], probe: ['no'], rel: `${p}.income_monthly`, jpath: `${p}.income_monthly` }),
    income: INCOME_KINDS.map((k) => ({ id: `${m}inc.${k}`, text: 'income_monthly', sub: k, member: i, type: 'money',
      empty0: true, unknown: false, rel: `${p}.income_monthly`, jpath: `${p}.income_monthly.${k}`,
      when: (a) => a[m + 'has_income'] === 'yes', always: true })),
  };
}

const household = {
  hukou: { id: 'hukou', text: 'hukou', type: 'choice', options: ['rural', 'urban'], unknown: false, rel: 'hukou', jpath: 'hukou', always: true },
  size: { id: 'size', text: 'size', type: 'int', min: 1, max: 20, unknown: false, rel: 'members', jpath: 'members', always: true, labelKey: 'label' },
  deposits: { id: 'deposits', text: 'deposits', type: 'money', unknown: true, rel: 'assets.deposits', jpath: 'assets.deposits' },
  owns_home: { id: 'owns_home', text: 'owns_home', type: 'choice', options: bool, unknown: true, rel: 'assets.owns_home', jpath: 'assets.owns_home' },
  housing_area_m2: { id: 'housing_area_m2', text: 'housing_area_m2', type: 'money', probe: ['5', '500'], unknown: true, rel: 'assets.housing_area_m2', jpath: 'assets.housing_area_m2', labelKey: 'label' },
  expenses: ['medical', 'education', 'disaster'].map((k) => ({ id: `exp.${k}`, text: 'expenses', sub: k, type: 'money', unknown: true,
    rel: `expenses_yearly.${k}`, jpath: `expenses_yearly.${k}`,
    // School costs only where someone may be at school (as the core assumes: context.cpp).
    when: k === 'education' ? (a) => anyMember(a, (i) => mayBeAtSchool(a, i)) : undefined })),
  has_event: { id: 'has_event', text: 'has_event', type: 'choice', options: ['yes', 'no'], probe: ['no'], unknown: true, rel: 'events', jpath: 'events' },
  event: [
    { id: 'ev.kind', text: 'event', sub: 'kind', type: 'choice', options: EVENT_KINDS, unknown: false, rel: 'events', jpath: 'events[0].kind' },
    { id: 'ev.months_ago', text: 'event', sub: 'months_ago', type: 'int', min: 0, max: 120, unknown: false, rel: 'events', jpath: 'events[0].months_ago' },
    { id: 'ev.cost', text: 'event', sub: 'cost', type: 'money', unknown: true, rel: 'events', jpath: 'events[0].cost' },
    { id: 'ev.compensated', text: 'event', sub: 'compensated', type: 'money', unknown: true, empty0: true, rel: 'events', jpath: 'events[0].compensated' },
  ].map((f) => Object.assign(f, { when: (a) => a.has_event === 'yes', always: true })),
  temporary: { id: 'temporary', text: 'temporary_count', type: 'int', min: 0, max: 100, unknown: true, rel: 'aid_this_year.temporary', jpath: 'aid_this_year.temporary', labelKey: 'label' },
  status: { id: 'status', text: 'status', type: 'multi', options: STATUS_KINDS, unknown: true, rel: 'status', jpath: 'status' },
  months_on_dibao: { id: 'months_on_dibao', text: 'months_on_dibao', type: 'int', min: 0, max: 600, unknown: true,
    rel: 'status.months_on_dibao', jpath: 'status.months_on_dibao', labelKey: 'label',
    when: (a) => (a.status || '').split(',').indexOf('dibao') >= 0 },
};

// Pages in asking order. `title` names a multi-question page; a page with one
// shown question uses that question's own title.
function allPages(n) {
  const pages = [
    { key: 'hukou', section: 'household', fields: [household.hukou] },
    { key: 'size', section: 'household', fields: [household.size] },
  ];
  const mf = [];
  for (let i = 0; i < n; i++) mf.push(memberFields(i));
  // Everyone's age first: the rules need the whole household before details matter.
  for (let i = 0; i < n; i++) {
    pages.push(i === 0
      ? { key: 'basic:0', section: 'members', member: 0, fields: [mf[0].age], titleKey: 'age.titleFirst' }
      : { key: `basic:${i}`, section: 'members', member: i, fields: [mf[i].relation, mf[i].age], title: 'memberNth', always: true });
  }
  // What the household receives now (低保, 特困, 建档立卡) decides what its members are
  // asked: a 低保 family's new job (渐退期) matters, another's does not.
  pages.push({ key: 'status', section: 'household', fields: [household.status] });
  pages.push({ key: 'months_on_dibao', section: 'household', fields: [household.months_on_dibao] });
  for (let i = 0; i < n; i++) {
    const f = mf[i];
    const p = (key, fields, extra) => pages.push(Object.assign({ key: `${key}:${i}`, section: 'members', member: i, fields }, extra));
    p('disability', [f.disability_grade]);
    p('disability_kind', [f.disability_kind]);
    p('self_care', [f.self_care]);
    p('illness', [f.serious_illness]);
    p('school', [f.school]);
    p('labor', [f.labor]);
    p('work', [f.employed, f.newly_employed], { titleKey: 'work.title' });
    p('supporter', [f.has_capable_supporter]);
    p('child', [f.orphan, f.unsupported_child], { titleKey: 'child.title' });
    p('institution', [f.in_institution]);
    p('veteran', [f.veteran_5lao]);
    p('has_income', [f.has_income]);
    p('income', f.income, { titleKey: 'income_monthly.title', forceTitle: true });
  }
  pages.push({ key: 'deposits', section: 'household', fields: [household.deposits] });
  pages.push({ key: 'home', section: 'household', fields: [household.owns_home, household.housing_area_m2], titleKey: 'home.title' });
  pages.push({ key: 'expenses', section: 'household', fields: household.expenses, titleKey: 'expenses.title', forceTitle: true });
  pages.push({ key: 'has_event', section: 'household', fields: [household.has_event] });
  pages.push({ key: 'event', section: 'household', fields: household.event, titleKey: 'event.title', forceTitle: true });
  pages.push({ key: 'temporary', section: 'household', fields: [household.temporary] });
  return pages;
}

export function memberCount(answers) {
  const n = parseInt(answers.size, 10);
  return n >= 1 && n <= 20 ? n : 0;
}

function num(s) {
  return Number(String(s).trim());
}

// A member's answer ids ('m0.age', …), made once: building the flow builds
// households by the thousand, and a key concatenated per lookup costs more than the lookup.
const BOOL_FACTS = ['serious_illness', 'employed', 'newly_employed', 'has_capable_supporter', 'in_institution', 'veteran_5lao'];
const memberIds = [];
function idsOf(i) {
  if (!memberIds[i]) {
    const m = `m${i}.`;
    const ids = { income: INCOME_KINDS.map((k) => [k, `${m}inc.${k}`]) };
    for (const k of ['age', 'relation', 'disability_grade', 'disability_kind', 'self_care', 'school', 'labor', 'orphan',
      'unsupported_child', 'has_income'].concat(BOOL_FACTS)) ids[k] = m + k;
    memberIds[i] = ids;
  }
  return memberIds[i];
}

// The answers whose field ids are in `only` (a Set; all when absent), as a lookup.
const through = (answers, only) => (only ? (k) => (only.has(k) ? answers[k] : undefined) : (k) => answers[k]);
// The same with one more answer, `id` = `value`, in place of its own.
const plus = (get, id, value) => (k) => (k === id ? value : get(k));

// The household of the contract from the answers whose field ids are in `only`
// (a Set), or from all answers when `only` is absent.
export function buildHousehold(region, answers, only) {
  return householdOf(region, memberCount(answers), through(answers, only));
}

// The household of n members from the answers `get` gives: the flow builds them by
// the thousand, from lookups rather than copies of the answers.
function householdOf(region, n, get) {
  const given = (k) => { const v = get(k); return v !== undefined && v !== '' && v !== UNKNOWN; };
  const h = { schema: 1, region, hukou: given('hukou') ? get('hukou') : undefined, members: [] };
  if (!h.hukou) delete h.hukou;
  const setBool = (o, key, v) => { if (v === 'true' || v === 'false') o[key] = v === 'true'; };
  const notDibao = given('status') && get('status').split(',').indexOf('dibao') < 0;
  for (let i = 0; i < n; i++) {
    const ids = idsOf(i);
    if (!given(ids.age)) continue;
    const age = parseInt(get(ids.age), 10);
    const x = { age, relation: i === 0 ? 'head' : (given(ids.relation) ? get(ids.relation) : 'other') };
    if (given(ids.disability_grade)) {
      x.disability_grade = parseInt(get(ids.disability_grade), 10);
      if (x.disability_grade > 0 && given(ids.disability_kind)) x.disability_kind = get(ids.disability_kind);
    }
    for (const k of ['self_care', 'school', 'labor']) if (given(ids[k])) x[k] = get(ids[k]);
    if (!(age >= 2 && age <= 35)) delete x.school;
    for (const k of BOOL_FACTS) setBool(x, k, get(ids[k]));
    if (age <= 24) { if (x.relation !== 'child') setBool(x, 'orphan', get(ids.orphan)); setBool(x, 'unsupported_child', get(ids.unsupported_child)); }
    if (age < 40) delete x.veteran_5lao;
    // What the pages no longer ask (an age or the 低保 answer changed since) is left out.
    if (age < 16) { delete x.employed; delete x.newly_employed; }
    if (notDibao) delete x.newly_employed;
    const hasIncome = get(ids.has_income);
    if (hasIncome === 'no') x.income_monthly = {};
    else if (hasIncome === 'yes' && ids.income.some(([, k]) => get(k) !== undefined)) {
      x.income_monthly = {};
      for (const [kind, k] of ids.income) if (given(k)) x.income_monthly[kind] = num(get(k));
    }
    h.members.push(x);
  }
  const assets = {};
  if (given('deposits')) assets.deposits = num(get('deposits'));
  setBool(assets, 'owns_home', get('owns_home'));
  if (given('housing_area_m2')) assets.housing_area_m2 = num(get('housing_area_m2'));
  if (Object.keys(assets).length) h.assets = assets;
  const exp = {};
  for (const k of ['medical', 'education', 'disaster']) if (given('exp.' + k)) exp[k] = num(get('exp.' + k));
  if (Object.keys(exp).length) h.expenses_yearly = exp;
  const hasEvent = get('has_event');
  if (hasEvent === 'no') h.events = [];
  else if (hasEvent === 'yes' && given('ev.kind') && given('ev.months_ago')) {
    const e = { kind: get('ev.kind'), months_ago: parseInt(get('ev.months_ago'), 10) };
    if (given('ev.cost')) e.cost = num(get('ev.cost'));
    if (given('ev.compensated')) e.compensated = num(get('ev.compensated'));
    h.events = [e];
  }
  if (given('temporary')) h.aid_this_year = { temporary: parseInt(get('temporary'), 10) };
  if (given('status')) {
    const status = get('status');
    const on = status === 'none' ? [] : status.split(',');
    h.status = {};
    for (const k of STATUS_KINDS) h.status[k] = on.indexOf(k) >= 0;
    if (on.indexOf('dibao') >= 0 && given('months_on_dibao')) h.status.months_on_dibao = parseInt(get('months_on_dibao'), 10);
  }
  return h;
}

// Does a `missing` entry (a household path) concern the field's path?
export function concerns(missingPath, rel) {
  return missingPath === rel || missingPath.startsWith(rel + '.') || missingPath.startsWith(rel + '[') ||
    rel.startsWith(missingPath + '.') || rel.startsWith(missingPath + '[');
}

function missingOf(result) {
  const out = [];
  if (!result || !result.programs) return null;
  for (const p of result.programs) for (const m of p.missing || []) out.push(m);
  return out;
}

// The hardest case of a person, for the second relevance check of buildFlow.
const HARDEST = { disability_grade: '1', self_care: 'none', serious_illness: 'true', labor: 'none', employed: 'false',
  has_capable_supporter: 'false', in_institution: 'false', has_income: 'no' };

// What a result says that a resident acts on: each program's status and amount, and
// whom it covers (a second 残疾人证 holder adds a person to 两项补贴, not a status).
function signature(result) {
  if (!result || !result.programs) return 'errors';
  return result.programs.map((p) => p.id + ':' + p.status + ':' + (p.amount ? p.amount.value + p.amount.per + p.amount.up_to : '') +
    ':' + (p.members || [])).join('|');
}

// Answers to try when checking whether a question could change the result.
function probes(field) {
  if (field.probe) return field.probe;
  if (field.type === 'choice') return field.options;
  if (field.type === 'multi') return ['none'].concat(field.options);
  if (field.type === 'int') return [String(field.min || 0), String(Math.min(field.max, 60))];
  // Money left out counts as unknown (then it is `missing` if it matters); a large
  // figure shows whether it moves an amount.
  return ['1000000'];
}

// Whether everyone's age is in: the rest depends on who is in the household.
export function agesKnown(answers) {
  const n = memberCount(answers);
  for (let i = 0; i < n; i++) if (!known(answers, `m${i}.age`)) return false;
  return n > 0;
}

// The programs the household's 户口 alone rules out: refused on who is in the
// household (户口, ages, relations) but not so for the other 户口. Some documents
// keep whole programs to one 户口 (明溪's to 城镇 families, 新密's 低保 and 特困
// to 农村 ones); the page says so once the ages are in, before the questions
// that could only matter to those programs' neighbours. `screen` as buildFlow's.
// Returns { out, rest: the ids of those and of the programs not refused } or null.
export function ruledOutByHukou(region, answers, screen) {
  if (!answers.hukou || !agesKnown(answers)) return null;
  const only = new Set(['hukou']);
  for (let i = 0; i < memberCount(answers); i++) only.add(`m${i}.age`).add(`m${i}.relation`);
  const h = buildHousehold(region, answers, only);
  const mine = screen(h);
  const other = screen(Object.assign({}, h, { hukou: h.hukou === 'rural' ? 'urban' : 'rural' }));
  if (!mine || !mine.programs || !other || !other.programs) return null;
  const open = new Set(other.programs.filter((p) => p.status !== 'ineligible').map((p) => p.id));
  const out = mine.programs.filter((p) => p.status === 'ineligible' && open.has(p.id)).map((p) => p.id);
  if (!out.length) return null;
  return { out, rest: mine.programs.filter((p) => p.status !== 'ineligible').map((p) => p.id) };
}

// Who is in the household: asked of everyone, before anything else.
export const structural = (page) => page.key === 'hukou' || page.key === 'size' || page.key.startsWith('basic:');

// The pages to ask, in order, each with the fields shown on it. A question is
// asked when, given the answers before it, a program lists its fact as
// `missing`, or some answer to it would change a status or an amount (e.g. the
// medical costs deducted from income change the 低保 top-up but not the status).
// `screen(household) -> result object`, cached by the caller.
export function buildFlow(region, answers, screen) {
  const n = memberCount(answers);
  const flow = [];
  const accepted = new Set();
  const pages = allPages(n);
  const basicsDone = () => agesKnown(answers);
  // Does some answer to `f` change a status or an amount, starting from the answers `get` gives?
  const changes = (f, get) => {
    const start = screen(householdOf(region, n, get));
    const missing = missingOf(start);
    if (missing === null || missing.some((m) => concerns(m, f.rel))) return true;
    const sig = signature(start);
    for (const v of probes(f))
      if (signature(screen(householdOf(region, n, plus(get, f.id, v)))) !== sig) return true;
    return false;
  };
  const relevant = (f) => {
    const asked = through(answers, accepted);
    if (changes(f, asked)) return true;
    if (f.member === undefined) return false;
    // Facts about one person often matter only together (特困: no ability to work
    // AND no capable supporter), and a program already met by another member
    // lists nothing as missing. So try again as if this person's other unasked
    // facts were the hardest case.
    const hardest = new Map();
    for (const k of Object.keys(HARDEST)) {
      const id = `m${f.member}.${k}`;
      if (id !== f.id && !accepted.has(id)) hardest.set(id, HARDEST[k]);
    }
    return changes(f, (k) => (hardest.has(k) ? hardest.get(k) : asked(k)));
  };
  for (const page of pages) {
    let shown;
    if (structural(page)) shown = page.fields.slice();
    else {
      if (!basicsDone()) break;  // the rest depends on who is in the household
      const candidates = page.fields.filter((f) => !f.when || f.when(answers));
      shown = candidates.filter((f) => f.always || has(answers, f.id) || relevant(f));
    }
    if (!shown.length) continue;
    for (const f of shown) accepted.add(f.id);
    flow.push(Object.assign({}, page, { fields: shown }));
  }
  if (basicsDone()) askLater(flow, pages, answers, missingOf(screen(householdOf(region, n, through(answers, accepted)))));
  return flow;
}

// A page is decided on the answers before it, and a later answer can make it matter:
// a 低保 family's new job (渐退期) once its income and costs are known. What the result
// then still lists as missing is asked at the end (key `…+later`), so that every
// “还需要确认” can be answered; once answered, it is shown on its own page.
function askLater(flow, pages, answers, missing) {
  if (!missing || !missing.length) return;
  const shownIds = new Set(flow.flatMap((p) => p.fields.map((f) => f.id)));
  for (const page of pages) {
    if (structural(page)) continue;
    const later = page.fields.filter((f) => !shownIds.has(f.id) && (!f.when || f.when(answers)) &&
      missing.some((m) => concerns(m, f.rel)));
    if (later.length) flow.push(Object.assign({}, page, { key: page.key + '+later', fields: later }));
  }
}

// The page that asks a `missing` path: the one whose field is nearest to it. The
// household size's `members` is no page for a member's fact (members[0].newly_employed
// was sent to “家里一起生活的共有几口人？”).
export function findPageForPath(flow, path) {
  let best = null;
  let bestScore = -1;
  for (const page of flow)
    for (const f of page.fields) {
      if (!concerns(path, f.rel)) continue;
      // the field itself; else the nearest field above the path; else the first below it
      const score = f.rel === path ? Infinity : path.startsWith(f.rel) ? (f.id === 'size' ? -1 : f.rel.length) : 0;
      if (score > bestScore) { best = page; bestScore = score; }
    }
  return best;
}
