// Fills the staff page (staff.html) from a household of the contract, field by
// field as staff would type it; and reads back the results panel.
const INCOME = ['wages', 'business', 'property', 'pension_basic', 'pension_other', 'honors', 'student_aid', 'transfers', 'other'];
const FLAGS = ['serious_illness', 'orphan', 'unsupported_child', 'in_institution', 'has_capable_supporter', 'employed', 'newly_employed', 'veteran_5lao'];
const STATUS = ['dibao', 'tekun', 'low_income', 'dibao_marginal', 'poverty_registered'];

export async function fillStaff(page, h) {
  const sel = (id, v) => page.selectOption(`[name="${id}"]`, v === undefined || v === null ? '' : String(v));
  const put = (id, v) => page.fill(`[name="${id}"]`, v === undefined || v === null ? '' : String(v));
  await sel('region', h.region);
  if (h.as_of) await put('as_of', h.as_of);
  await sel('hukou', h.hukou);
  for (let i = 1; i < h.members.length; i++) await page.keyboard.press('Alt+N');
  for (let i = 0; i < h.members.length; i++) {
    const m = h.members[i];
    const p = `m${i}.`;
    if (i > 0) await sel(p + 'relation', m.relation);
    await put(p + 'age', m.age);
    for (const k of ['labor', 'self_care', 'disability_grade', 'disability_kind', 'school']) await sel(p + k, m[k]);
    for (const k of FLAGS) await sel(p + k, m[k] === undefined ? '' : String(m[k]));
    if (m.income_monthly) {
      const any = INCOME.some((k) => m.income_monthly[k] !== undefined);
      for (const k of INCOME) await put(`${p}inc.${k}`, m.income_monthly[k] !== undefined ? m.income_monthly[k] : (any ? '' : (k === 'wages' ? 0 : '')));
    }
  }
  const a = h.assets || {};
  await put('deposits', a.deposits); await put('housing_area_m2', a.housing_area_m2);
  await sel('owns_home', a.owns_home === undefined ? '' : String(a.owns_home));
  const e = h.expenses_yearly || {};
  for (const k of ['medical', 'education', 'disaster']) await put('exp.' + k, e[k]);
  if (h.events && h.events.length) {
    const x = h.events[0];
    await sel('ev.kind', x.kind); await put('ev.months_ago', x.months_ago); await put('ev.cost', x.cost); await put('ev.compensated', x.compensated);
  } else await sel('ev.kind', h.events ? 'none' : '');
  const s = h.status || {};
  for (const k of STATUS) await sel('st.' + k, s[k] === undefined ? '' : String(s[k]));
  await put('months_on_dibao', s.months_on_dibao);
  await put('temporary', h.aid_this_year ? h.aid_this_year.temporary : undefined);
}

// {programId: status} shown in the results panel, once it has settled.
export async function staffResults(page) {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-result') === 'ok');
  return page.$$eval('.dd-staff-program', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-program'),
    { status: e.getAttribute('data-status'), text: e.textContent }])));
}
