// Publicity and offline step of the site build (run by scripts/build-site.sh after
// scripts/build-site.mjs has written build/site/):
//   1. build/site/regions/<id>.html for every policies/<id>.json: every program,
//      who qualifies, the standards with units and dates, how to apply, the source
//      document with cited clauses; a share link and QR code (js/region-page.js)
//      that open the self-check with the region chosen;
//   2. build/site/regions/compare.html: the standards of all regions side by side;
//   3. the web app manifest and its icons (PNG drawn here, no dependencies);
//   4. build/site/sw.js (unhashed, at the root): site/sw.js with the list of files
//      to precache and a version derived from their content hashes.
// Static HTML only: no inline script or style (the site's CSP forbids both).
//   node scripts/region-pages.mjs [--policies policies] [--site site] [--out build/site]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { T, glossaryFor } from '../site/js/text.js';

const arg = (name, def) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : def;
};
const POLICIES = path.resolve(arg('policies', 'policies'));
const SITE = path.resolve(arg('site', 'site'));
const OUT = path.resolve(arg('out', 'build/site'));
const THEME = '#1d4f91';
const SPAM = '甘肃快三全天精准计划办公室';   // see shared/seeds/README.md: never shown

const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const hash10 = (buf) => sha(buf).slice(0, 10);
const hashedName = (rel, buf) => rel.replace(/(\.[a-z0-9]+)$/, '.' + hash10(buf) + '$1');
const write = (rel, data) => {
  const p = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
};
// The hashed name build-site.mjs gave a file of site/ ("css/site.css" -> "css/site.<hash>.css").
function built(rel) {
  const dir = path.posix.dirname(rel);
  const base = path.posix.basename(rel).replace(/\.[a-z0-9]+$/, '');
  const ext = path.posix.extname(rel);
  const re = new RegExp('^' + base.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&') + '\\.[0-9a-f]{10}' + ext.replace('.', '\\.') + '$');
  const hits = fs.existsSync(path.join(OUT, dir)) ? fs.readdirSync(path.join(OUT, dir)).filter((f) => re.test(f)) : [];
  if (hits.length !== 1) throw new Error(`expected one built ${rel} in ${OUT} (found ${hits.length}): run scripts/build-site.mjs first`);
  return dir === '.' ? hits[0] : dir + '/' + hits[0];
}

if (!fs.existsSync(path.join(OUT, 'index.html'))) {
  console.error(`${OUT}/index.html is missing: run scripts/build-site.mjs first`);
  process.exit(1);
}

// ------------------------------------------------------------------ policies
const policies = fs.readdirSync(POLICIES).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const p = JSON.parse(fs.readFileSync(path.join(POLICIES, f), 'utf8'));
  p.id = p.id || f.replace(/\.json$/, '');
  return p;
});
const wasmName = built('screen.wasm');
const DATA_VERSION = /\.([0-9a-f]{10})\.wasm$/.exec(wasmName)[1];   // the module embeds the policies
// The last level of the region ("福建省泉州市泉港区" -> "泉港区").
const placeName = (d) => {
  const parts = d.region.match(/.+?(?:自治区|省|市|县|区)/g);
  return parts ? parts[parts.length - 1] : d.region;
};

// ------------------------------------------------------------------ text
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]))
  .split(SPAM).join('明溪县人民政府办公室');
const UNITS = {
  'yuan/person/month': '元/人·月', 'yuan/person/year': '元/人·年', 'yuan/household/once': '元/户·次',
  'yuan/person/once': '元/人·次', 'yuan/student/year': '元/生·年', 'yuan/household/year': '元/户·年',
  'yuan/household/month': '元/户·月', 'm2/person': '㎡/人', months: '个月', working_days: '个工作日',
  'times/year': '次/年', 'yuan/person': '元/人',
};
const WORDS = {
  dibao: '低保对象', tekun: '特困人员', low_income: '低收入家庭', low_income_urban: '城市低收入家庭', dibao_marginal: '低保边缘家庭',
  poverty_registered: '建档立卡贫困户', orphan_allowance: '孤儿保障对象（孤儿家庭）', medical: '医疗支出', education: '教育支出', disaster: '受灾损失',
  medical_serious_illness: '重大疾病医疗支出', education_college: '大中专教育支出',
  wages: '工资', business: '经营收入', property: '财产收入', pension_basic: '城乡居民基本养老保险金',
  pension_other: '其他养老金', honors: '荣誉津贴、抚恤补助、优待金', student_aid: '在校生生活津贴、困难补助',
  transfers: '其他转移收入', other: '其他收入',
  preschool: '学前教育', primary: '小学', junior: '初中', senior: '普通高中', vocational: '中职', college: '大中专及本科',
};
const NOT_STATED = '文件未载明';
// A list value or key of a parameter as residents read it; an id with no words
// stops the build rather than reach a public page as "low_income_urban".
const word = (id) => {
  if (!(id in WORDS)) throw new Error(`region-pages.mjs: no Chinese for '${id}' (add it to WORDS)`);
  return WORDS[id];
};
const num = (v) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

// One value of a parameter as text (unit included).
function valueText(v, param) {
  const unit = param.unit;
  if (v === null || v === undefined) return NOT_STATED;
  if (unit === 'flag') return v ? '是' : '否';
  if (unit === 'date') return String(v);
  if (unit === 'list' && Array.isArray(v)) return v.map(word).join('、');
  if (unit === 'ratio') return /倍/.test(param.label) ? num(v) + ' 倍' : num(v * 100) + '%';
  if (Array.isArray(v)) {   // age bands
    return v.map((b) => (b.to_age === null || b.to_age === undefined ? `${b.from_age}周岁以上` : `${b.from_age}—${b.to_age}周岁`) +
      '：' + (b.amount === null ? NOT_STATED : num(b.amount) + ' ' + (UNITS[unit] || unit))).join('；');
  }
  if (typeof v === 'object') {
    return Object.entries(v).map(([k, x]) => word(k) + '：' + (x === null ? NOT_STATED : num(x) + ' ' + (UNITS[unit] || unit))).join('；');
  }
  let s = num(v) + ' ' + (UNITS[unit] || unit);
  if (unit === 'yuan/person/year' && Number.isInteger(v / 12)) s += `（合 ${v / 12} 元/人·月）`;
  return s;
}
const period = (x) => (x.from && x.to ? `${x.from} 至 ${x.to}` : x.from ? `${x.from} 起` : x.to ? `${x.to} 以前` : '');

// The value(s) of a parameter as HTML: dated values each with its period; null as 文件未载明 + the note.
function valueHtml(param) {
  if (Array.isArray(param.values)) {
    return '<ul class="rg-values">' + param.values.map((x) => `<li><span class="rg-figure">${esc(valueText(x.value, param))}</span>` +
      (period(x) ? `<span class="rg-period">（${esc(period(x))}）</span>` : '') + '</li>').join('') + '</ul>';
  }
  if (param.value === null) return `<span class="rg-null">${NOT_STATED}</span>`;
  return `<span class="rg-figure">${esc(valueText(param.value, param))}</span>`;
}
// An unstated figure's cited upper bound: what decides clear cases without the figure.
const boundHtml = (param) => (param.bound
  ? `<p class="rg-bound">上限：不超过 ${esc(valueText(param.bound.max, param))}。${esc(param.bound.note)}<span class="rg-src">（依据：${esc(cite(param.bound.source))}）</span></p>`
  : '') + (param.floor
  ? `<p class="rg-bound">下限：不低于 ${esc(valueText(param.floor.min, param))}。${esc(param.floor.note)}<span class="rg-src">（依据：${esc(cite(param.floor.source))}）</span></p>`
  : '');
const isNull = (param) => (Array.isArray(param.values) ? param.values.every((x) => x.value === null) : param.value === null);

const cite = (src) => (src ? `${src.doc} ${src.clause}` : '');

// ------------------------------------------------------------------ page frame
function page({ title, description, depth, body, css, scripts }) {
  const up = '../'.repeat(depth);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<meta name="referrer" content="no-referrer">
<meta name="format-detection" content="telephone=no">
<meta name="theme-color" content="${THEME}">
<link rel="icon" href="data:,">
<link rel="manifest" href="${up}${manifestRel}">
${css.map((c) => `<link rel="stylesheet" href="${up}${c}">`).join('\n')}
${scripts.map((s) => `<script type="module" src="${up}${s}"></script>`).join('\n')}
</head>
<body>
<a class="dd-skip" href="#dd-main">跳到正文</a>
<header class="dd-header">
  <div class="dd-header-inner">
    <p class="dd-brand"><a class="rg-home" href="${up}index.html"><span class="dd-brand-name">兜底通</span></a> <span class="dd-brand-tag"><span class="dd-brand-what">社会救助自助测算 · </span>非官方</span></p>
  </div>
</header>
<div class="dd-container">
<main id="dd-main" tabindex="-1">
${body}
</main>
</div>
<footer class="dd-footer">
  <div class="dd-container">
    <p>本网页不是政府官方网站，也不是申请渠道；内容摘自公开的政策文件，以当地审核为准。社区（村）和乡镇（街道）窗口、电话对所有人开放。</p>
    <p>兜底通 · 在本机计算，不收集、不上传任何个人信息。数据版本 <span class="rg-version">${DATA_VERSION}</span>。</p>
  </div>
</footer>
</body>
</html>
`;
}

// ------------------------------------------------------------------ region page
function clauseBlock(policy, sources) {
  const seen = new Set();
  const items = [];
  for (const s of sources) {
    if (!s) continue;
    const key = s.doc + '\u0000' + s.clause;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = s.doc === policy.document.doc && policy.clauses ? policy.clauses[s.clause] : null;
    items.push(`<li><p class="rg-cite">${esc(s.doc)} ${esc(s.clause)}</p>` +
      (text ? `<blockquote><p>${esc(text)}</p></blockquote>` : '<p class="dd-hint">（本页不收录该文件原文）</p>') + '</li>');
  }
  if (!items.length) return '';
  return `<details class="dd-cite rg-clauses"><summary>文件原文（${items.length}处）</summary><ul class="rg-clause-list">${items.join('')}</ul></details>`;
}

// Parameters as a table, each with its value(s), note, clause and bound; their
// sources go to `sources` for the clause texts below.
function paramTable(params, label, sources) {
  const rows = params.map(([key, x]) => {
    sources.push(x.source);
    const note = x.note ? `<p class="rg-note">${esc(x.note)}</p>` : '';
    if (x.bound) sources.push(x.bound.source);
    if (x.floor) sources.push(x.floor.source);
    return `<tr data-param="${esc(key)}"><th scope="row">${esc(x.label)}</th><td>${valueHtml(x)}${note}<p class="rg-src">依据：${esc(cite(x.source))}</p>${boundHtml(x)}</td></tr>`;
  }).join('\n');
  return `<div class="rg-scroll" role="region" aria-label="${esc(label)}" tabindex="0">
<table class="rg-table"><thead><tr><th scope="col">项目</th><th scope="col">标准（文件依据）</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

// How the document counts a household's income for 低保 and the rest: what is left
// out, what is deducted (and where the rule is not stated).
function incomeSection(policy) {
  const params = Object.entries(policy.income || {});
  if (!params.length) return '';
  const sources = [];
  const table = paramTable(params, '家庭收入的算法', sources);
  return `<section class="rg-income" id="rg-income" aria-labelledby="rg-income-title">
<h2 id="rg-income-title">家庭收入怎么算</h2>
<p>申请低保等项目时，哪些收入不算、哪些支出可以扣减：</p>
${table}
${clauseBlock(policy, sources)}
</section>`;
}

function programSection(policy, p, i) {
  const params = Object.entries(p.params || {});
  const sources = [];
  const who = [];
  if (p.summary) who.push(`<p>${esc(p.summary)}</p>`);
  const yes = (p.conditions || []).filter((c) => c.yes);
  if (yes.length) {
    who.push('<p>需要同时符合：</p><ul class="rg-list">' + yes.map((c) => {
      sources.push(c.source);
      return `<li>${esc(c.yes)} <span class="rg-src">（${esc(cite(c.source))}）</span></li>`;
    }).join('') + '</ul>');
  }
  const table = params.length ? `<h3>标准和金额</h3>\n${paramTable(params, `${p.name}的标准`, sources)}` : '';
  const notes = (p.notes || []).map((n) => { sources.push(n.source); return `<li>${esc(n.text)} <span class="rg-src">（${esc(cite(n.source))}）</span></li>`; });
  const a = p.apply || {};
  const basis = a.sources || [];
  sources.push(...basis);
  const apply = `<h3>怎么申请</h3>
<dl class="rg-apply">
${a.where ? `<dt>到哪里</dt><dd>${esc(a.where)}</dd>` : ''}
${a.documents && a.documents.length ? `<dt>带什么</dt><dd><ul class="rg-list">${a.documents.map((d) => `<li>${esc(d)}</li>`).join('')}</ul><p class="rg-note">一般要带的材料，文件没有逐项列出；以窗口一次性告知为准。</p></dd>` : ''}
${a.steps && a.steps.length ? `<dt>办理步骤</dt><dd><ol class="rg-list">${a.steps.map((d) => `<li>${esc(d)}</li>`).join('')}</ol></dd>` : ''}
${a.time_limit ? `<dt>办理时限</dt><dd>${esc(a.time_limit)}</dd>` : ''}
${basis.length ? `<dt>办理依据</dt><dd>${basis.map((x) => `<p class="rg-src">${esc(cite(x))}</p>`).join('')}${a.note ? `<p class="rg-note">${esc(a.note)}</p>` : ''}</dd>` : ''}
</dl>`;
  return `<section class="rg-program" id="p-${esc(p.id)}" data-program="${esc(p.id)}" aria-labelledby="h-${esc(p.id)}">
<h2 id="h-${esc(p.id)}"><span class="rg-num">${i + 1}.</span> ${esc(p.name)}${p.local ? ' <span class="rg-local">本地项目</span>' : ''}</h2>
<h3>谁可以申请</h3>
${who.join('\n')}
${table}
${notes.length ? `<h3>还要知道</h3><ul class="rg-list">${notes.join('')}</ul>` : ''}
${apply}
${clauseBlock(policy, sources)}
</section>`;
}

function docBlock(d) {
  return `<dl class="rg-doc">
<dt>文件</dt><dd>《${esc(d.title)}》</dd>
<dt>文号</dt><dd>${esc(d.doc)}</dd>
<dt>印发单位</dt><dd>${esc(d.issuer)}</dd>
<dt>印发日期</dt><dd>${esc(d.issued)}</dd>
<dt>执行期间</dt><dd>${esc(d.effective_from || '')} 至 ${esc(d.effective_to || '文件未写明截止日期')}</dd>
</dl>`;
}

// The documents' words the page uses, explained as the results page explains them
// (site/js/text.js T.glossary): a campaign's reader is the same resident.
function glossary(html) {
  const used = glossaryFor(html);
  if (!used.length) return '';
  return `<details class="dd-glossary rg-glossary"><summary>${esc(T.glossaryTitle)}</summary><dl>${
    used.map(([word, meaning]) => `<dt>${esc(word)}</dt><dd>${esc(meaning)}</dd>`).join('')}</dl></details>`;
}

function regionPage(policy, css, js) {
  const d = policy.document;
  const name = placeName(d);
  const toc = policy.programs.map((p) => `<li><a href="#p-${esc(p.id)}">${esc(p.name)}</a></li>`).join('');
  const programs = policy.programs.map((p, i) => programSection(policy, p, i)).join('\n');
  const body = `<p class="dd-meta"><a href="../index.html">兜底通</a> › <a href="compare.html">各地标准对比</a> › ${esc(name)}</p>
<h1 tabindex="-1">${esc(name)}社会救助政策</h1>
<p class="dd-lead">${esc(d.region)}按《${esc(d.title)}》（${esc(d.doc)}）可以申请的社会救助：谁可以申请、标准多少、怎么申请。</p>
<div class="dd-panel rg-start">
<p>想知道自己家能申请哪些？回答几个问题，在本机测算，不上传任何信息。</p>
<p class="dd-actions"><a class="dd-button rg-go" id="rg-go" href="../index.html?region=${esc(policy.id)}" data-region="${esc(policy.id)}">开始测算（${esc(name)}）</a></p>
</div>
<h2>来源文件</h2>
${docBlock(d)}
${d.note ? `<p class="rg-note">说明：${esc(d.note)}</p>` : ''}
${incomeSection(policy)}
<h2 id="rg-toc-title">本地可以申请的项目（${policy.programs.length}项）</h2>
<ol class="rg-toc" aria-labelledby="rg-toc-title">${toc}</ol>
${programs}
${glossary(programs)}
<section class="rg-share" id="rg-share" aria-labelledby="rg-share-title" data-region="${esc(policy.id)}" data-name="${esc(name)}">
<h2 id="rg-share-title">分享给需要的人</h2>
<p>把本页链接发给亲友或贴在宣传栏，对方打开后可以看到本地标准，也可以直接开始测算。</p>
<p>本页链接：<a class="rg-share-link" id="rg-page-link" href="${esc(policy.id)}.html">${esc(policy.id)}.html</a></p>
<p>测算链接：<a class="rg-share-link" id="rg-check-link" href="../index.html?region=${esc(policy.id)}">../index.html?region=${esc(policy.id)}</a></p>
<div id="rg-qr" class="rg-qr"><p class="dd-hint">用手机扫码打开测算（需要开启 JavaScript 才能显示二维码）。</p></div>
</section>
<p class="dd-meta">政策文件：${esc(d.doc)}（${esc(d.issued)}），数据版本 ${DATA_VERSION}</p>`;
  return page({ title: `${name}社会救助政策 · 兜底通`, description: `${d.region}社会救助：${policy.programs.map((p) => p.name).join('、')}。摘自${d.doc}。`,
    depth: 1, body, css, scripts: [js] });
}

// ------------------------------------------------------------------ compare page
const ORDER = ['dibao', 'tekun', 'temporary_aid', 'elderly_allowance', 'orphan_allowance', 'disability_living_allowance',
  'disability_care_allowance', 'education_aid', 'housing_aid', 'medical_aid', 'employment_aid', 'charity_aid', 'urban_hardship', 'price_subsidy'];
const GROUP = {
  dibao: '低保标准', tekun: '特困人员供养标准', temporary_aid: '临时救助', elderly_allowance: '高龄津贴',
  orphan_allowance: '孤儿（事实无人抚养儿童）', disability_living_allowance: '困难残疾人生活补贴', disability_care_allowance: '重度残疾人护理补贴',
  education_aid: '教育资助', housing_aid: '住房保障', charity_aid: '慈善救助', price_subsidy: '价格临时补贴', urban_hardship: '城市困难家庭认定',
};
const SKIP_UNITS = new Set(['flag', 'list', 'date']);
const SKIP_KEYS = new Set(['recent_months']);

function comparePage(css, js) {
  const ids = [];
  for (const id of ORDER) if (policies.some((p) => p.programs.some((x) => x.id === id))) ids.push(id);
  for (const p of policies) for (const x of p.programs) if (!ids.includes(x.id)) ids.push(x.id);
  const head = policies.map((p) => `<th scope="col"><a href="${esc(p.id)}.html">${esc(placeName(p.document))}</a><span class="rg-th-doc">${esc(p.document.doc)}<br>${esc(p.document.issued)}</span></th>`).join('');
  const groups = [];
  for (const id of ids) {
    const progs = policies.map((p) => p.programs.find((x) => x.id === id) || null);
    const keys = [];
    for (const x of progs) if (x) for (const [k, v] of Object.entries(x.params || {})) if (!SKIP_UNITS.has(v.unit) && !SKIP_KEYS.has(k) && !keys.includes(k)) keys.push(k);
    const title = GROUP[id] || progs.find(Boolean).name;
    const rows = [];
    if (!keys.length) {
      rows.push(`<tr><th scope="row">是否有此项目</th>${progs.map((x, i) => `<td>${x ? `<a href="${esc(policies[i].id)}.html#p-${esc(id)}">${esc(x.name)}</a>` : '<span class="rg-none">无此项目</span>'}</td>`).join('')}</tr>`);
    }
    for (const k of keys) {
      const label = progs.map((x) => x && x.params && x.params[k] && x.params[k].label).find(Boolean);
      rows.push(`<tr data-key="${esc(id + '.' + k)}"><th scope="row">${esc(label)}</th>${progs.map((x) => {
        if (!x) return '<td><span class="rg-none">无此项目</span></td>';
        const v = x.params && x.params[k];
        if (!v) return '<td><span class="rg-none">—</span></td>';
        const own = v.label !== label ? `<span class="rg-cell-label">${esc(v.label)}</span>` : '';
        const note = isNull(v) && v.note ? `<details class="rg-cell-note"><summary>说明</summary><p>${esc(v.note)}</p></details>` : '';
        return `<td>${own}${valueHtml(v)}${note}<span class="rg-src">${esc(cite(v.source))}</span></td>`;
      }).join('')}</tr>`);
    }
    groups.push(`<tbody data-program="${esc(id)}"><tr class="rg-group"><th scope="rowgroup" colspan="${policies.length + 1}">${esc(title)}</th></tr>\n${rows.join('\n')}</tbody>`);
  }
  const body = `<p class="dd-meta"><a href="../index.html">兜底通</a> › 各地标准对比</p>
<h1 tabindex="-1">各地社会救助标准对比</h1>
<p class="dd-lead">${policies.length}份政策文件的标准并排列出。“${NOT_STATED}”表示该文件没有写出这个数字，要以当地另行公布的标准为准。</p>
<p>各地文件印发年份不同，标准也会逐年调整；点地名看该地的全部项目和申请方法。</p>
<ul class="rg-list rg-region-links">${policies.map((p) => `<li><a href="${esc(p.id)}.html">${esc(placeName(p.document))}</a>：《${esc(p.document.title)}》（${esc(p.document.doc)}，${esc(p.document.issued)}）</li>`).join('')}</ul>
<div class="rg-scroll rg-compare-wrap" role="region" aria-labelledby="rg-compare-caption" tabindex="0">
<table class="rg-table rg-compare">
<caption id="rg-compare-caption">各地标准（左右滑动查看）</caption>
<thead><tr><th scope="col">项目</th>${head}</tr></thead>
${groups.join('\n')}
</table>
</div>
<p class="dd-meta">数据版本 ${DATA_VERSION}</p>`;
  return page({ title: '各地社会救助标准对比 · 兜底通', description: '各地低保、特困、临时救助、高龄津贴、孤儿、残疾人两项补贴、教育、住房等标准对比。', depth: 1, body, css, scripts: [js] });
}

// ------------------------------------------------------------------ icons (PNG, drawn here)
const CRC = new Int32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c; });
const crc32 = (buf) => { let c = -1; for (const b of buf) c = CRC[(c ^ b) & 255] ^ (c >>> 8); return (c ^ -1) >>> 0; };
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const S = 3;   // 3x3 supersampling
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const c = pixel((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
        r += c[0]; g += c[1]; b += c[2];
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(r / S / S); raw[o + 1] = Math.round(g / S / S); raw[o + 2] = Math.round(b / S / S); raw[o + 3] = 255;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
// A white house (roof, walls, door) on the theme colour; `pad` keeps it inside a maskable safe zone.
function iconPixel(pad) {
  const bg = [0x1d, 0x4f, 0x91], fg = [255, 255, 255];
  return (u, v) => {
    const x = (u - 0.5) / (1 - 2 * pad) + 0.5, y = (v - 0.5) / (1 - 2 * pad) + 0.5;
    const roof = y >= 0.18 && y <= 0.48 && Math.abs(x - 0.5) <= (y - 0.18) / 0.30 * 0.36;
    const walls = y > 0.46 && y <= 0.82 && Math.abs(x - 0.5) <= 0.26;
    const door = y > 0.6 && y <= 0.82 && Math.abs(x - 0.5) <= 0.07;
    return (roof || walls) && !door ? fg : bg;
  };
}
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="${THEME}"/><path fill="#fff" d="M50 18 86 48H76V82H57V60H43V82H24V48H14z"/></svg>\n`;

// ------------------------------------------------------------------ write
const cssSrc = fs.readFileSync(path.join(SITE, 'regions', 'regions.css'));
const regionsCss = hashedName('regions/regions.css', cssSrc);
write(regionsCss, cssSrc);
const siteCss = built('css/site.css');
const pageJs = built('js/region-page.js');
// Paths relative to regions/: the page frame adds "../".
const cssRefs = [siteCss, regionsCss];

const icons = [];
for (const [size, pad, purpose] of [[192, 0, 'any'], [512, 0, 'any'], [512, 0.1, 'maskable']]) {
  const buf = png(size, iconPixel(pad));
  const rel = hashedName(`icons/icon-${purpose}-${size}.png`, buf);
  write(rel, buf);
  icons.push({ src: rel, sizes: `${size}x${size}`, type: 'image/png', purpose });
}
const svgRel = hashedName('icons/icon.svg', Buffer.from(ICON_SVG));
write(svgRel, ICON_SVG);
icons.push({ src: svgRel, sizes: 'any', type: 'image/svg+xml', purpose: 'any' });
const manifest = JSON.parse(fs.readFileSync(path.join(SITE, 'manifest.webmanifest'), 'utf8'));
manifest.icons = icons;
manifest.theme_color = THEME;
// Hashed like every other file (WeChat caches hard); the pages at the root name it.
const manifestBuf = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
const manifestRel = hashedName('manifest.webmanifest', manifestBuf);
write(manifestRel, manifestBuf);
for (const f of fs.readdirSync(OUT).filter((x) => x.endsWith('.html'))) {
  const html = fs.readFileSync(path.join(OUT, f), 'utf8');
  const re = /href="manifest(\.[0-9a-f]{10})?\.webmanifest"/;   // also when run again on a built folder
  if (re.test(html)) write(f, html.replace(re, `href="${manifestRel}"`));
}

for (const p of policies) write(`regions/${p.id}.html`, regionPage(p, cssRefs.map((c) => c), pageJs));
write('regions/compare.html', comparePage(cssRefs, pageJs));

// The service worker: every page and hashed file, except the unhashed contract copies
// of the module and the -sWASM=0 fallback (cached when used, not up front).
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(path.relative(OUT, p).split(path.sep).join('/'));
  }
};
walk(OUT);
// Not precached: the contract's unhashed copies, the -sWASM=0 fallback, and the roster
// page's module (177 KB gzipped that residents never use). The worker keeps each
// hashed file it fetches, so the roster page works offline once opened online.
const precache = files.filter((f) => f !== 'sw.js' && !/^screen\.(js|wasm)$/.test(f) && !/^screen-asmjs\./.test(f) &&
  !/^roster\.[0-9a-f]{10}\.(js|wasm)$/.test(f)).sort();
let sw = fs.readFileSync(path.join(SITE, 'sw.js'), 'utf8');
// The version covers every precached file and the worker's own code.
const version = hash10(Buffer.from(sha(sw) + '\n' + precache.map((f) => f + ' ' + sha(fs.readFileSync(path.join(OUT, f)))).join('\n')));
if (!sw.includes("const VERSION = 'dev';") || !sw.includes('const PRECACHE = [];')) throw new Error('site/sw.js lacks the VERSION/PRECACHE placeholders');
sw = sw.replace("const VERSION = 'dev';", `const VERSION = '${version}';`)
  .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(['./'].concat(precache), null, 0)};`);
write('sw.js', sw);
for (const t of [...policies.map((p) => `regions/${p.id}.html`), 'regions/compare.html', 'sw.js', manifestRel])
  if (fs.readFileSync(path.join(OUT, t), 'utf8').includes(SPAM)) throw new Error(t + ' contains the spam string');
console.log(`region pages: ${policies.map((p) => p.id).join(', ')} + compare; service worker ${version} precaches ${precache.length + 1} files; data version ${DATA_VERSION}`);
