// The site's promises beyond the answers: large-text mode (适老化), 320 px and
// 200% text, errors summarised on 继续, changing an answer updates the results,
// 清除我的信息, saving only when asked, region links that survive WeChat, the page
// shown when WebAssembly cannot run, the CSP, and a one-page print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, walk, shownPrograms, moneyText, cli, axe, shot, view, answerPage,
  requireBuilt, SITE } from './lib.mjs';
import { HOUSEHOLDS } from './households.mjs';

requireBuilt();
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });
const resident = (name) => HOUSEHOLDS.find((x) => x.name === name).household;

async function withPage(fn, viewport) {
  const { page, log } = await openPage(browser.context);
  if (viewport) await page.setViewportSize(viewport);
  try { await fn(page, log); } finally { await page.close(); }
}

// Sizes of what the page shows: body text, line height, the smallest target.
const measure = (page) => page.evaluate(() => {
  // The smallest text on screen (hidden helpers for screen readers aside).
  const texts = Array.from(document.querySelectorAll('#dd-main *')).filter((el) => el.offsetParent !== null &&
    !el.closest('.dd-visually-hidden') && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim()));
  const p = texts.sort((a, b) => parseFloat(getComputedStyle(a).fontSize) - parseFloat(getComputedStyle(b).fontSize))[0];
  const cs = getComputedStyle(p);
  const targets = Array.from(document.querySelectorAll('button, .dd-option label, input[type="text"], summary'))
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ what: el.textContent.trim().slice(0, 20) || el.name, h: el.getBoundingClientRect().height }));
  return { body: parseFloat(getComputedStyle(document.body).fontSize), font: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight), minTarget: Math.min(...targets.map((t) => t.h)),
    smallest: targets.sort((a, b) => a.h - b.h)[0], overflow: document.documentElement.scrollWidth - window.innerWidth };
});

test('large-text mode: body at least 18pt up to 30pt, line height 1.3, targets 60 px, nothing cut at 360 px', async () => {
  await withPage(async (page) => {
    await page.goto(server.url + '#region=hebi-2017');
    await page.waitForSelector('input[name="region"]');
    const normal = await measure(page);
    assert.ok(normal.body >= 16 && normal.minTarget >= 44, `normal mode: ${JSON.stringify(normal)}`);
    await page.click('#dd-size-toggle');
    await page.click('#dd-main button[type="submit"]');
    await page.waitForSelector('input[name="hukou"]');
    const large = await measure(page);
    await shot(page, 'large-01-hukou');
    assert.ok(large.font >= 24, `body ${large.font}px < 24px (18pt)`);
    assert.ok(large.line >= 1.3 * large.font, `line height ${large.line}`);
    assert.ok(large.minTarget >= 60, `smallest target ${JSON.stringify(large.smallest)}`);
    assert.ok(large.overflow <= 0, `horizontal overflow ${large.overflow}px`);
    assert.deepEqual(await axe(page), []);
    await page.click('#dd-size-up');
    await page.click('#dd-size-up');
    const largest = await measure(page);
    await shot(page, 'large-02-hukou-largest');
    assert.ok(largest.font >= 40, `largest ${largest.font}px < 40px (30pt)`);
    assert.ok(largest.overflow <= 0, `horizontal overflow at 30pt: ${largest.overflow}px`);
    // the header stays small, so the question starts on the first screen (it took 340 px of 740)
    const header = await page.evaluate(() => document.querySelector('.dd-header').getBoundingClientRect().height);
    assert.ok(header <= 140, `header ${header}px at the largest text`);
  });
});

test('a whole household in large-text mode at 320 px with 200% text: no page scrolls sideways', async () => {
  await withPage(async (page, log) => {
    const h = resident('hebi-registered');
    await page.goto(server.url + '#region=hebi-2017');
    await page.waitForSelector('input[name="region"]');
    await page.click('#dd-size-toggle');
    await page.click('#dd-size-up');   // 200%
    await page.click(`label[for="${await page.getAttribute('input[value="hebi-2017"]', 'id')}"]`);
    await page.click('#dd-main button[type="submit"]');
    for (let step = 0; step < 80; step++) {
      await page.waitForSelector('#dd-main h1');
      const v = await view(page);
      const m = await measure(page);
      assert.ok(m.overflow <= 0, `${v}: ${m.overflow}px sideways`);
      assert.ok(m.minTarget >= 60, `${v}: target ${JSON.stringify(m.smallest)}`);
      if (step < 3) await shot(page, `large320-${String(step).padStart(2, '0')}-${v}`);
      if (v === 'results') break;
      await answerPage(page, h);
      await page.click('#dd-main button[type="submit"]');
    }
    assert.equal(await view(page), 'results');
    await shot(page, 'large320-99-results');
    assert.deepEqual(log.errors, []);
  }, { width: 320, height: 640 });
});

// A phone's own font setting at 200% (WeChat and the system browser scale the root
// font; the page's rem sizes follow), without the page's 大字 mode: the header's
// “非官方” was cut off and the page scrolled sideways.
test('the phone\'s font at 200%, without 大字 mode: nothing scrolls sideways, the header says 非官方 whole', async () => {
  await withPage(async (page, log) => {
    for (const url of ['', 'staff.html', 'roster.html']) {
      await page.goto(server.url + url);
      await page.waitForSelector('.dd-brand-tag');
      // through the CSSOM, which the page's CSP allows (a <style> it would block)
      await page.evaluate(() => { document.documentElement.style.fontSize = '32px'; });
      const m = await page.evaluate(() => {
        const tag = document.querySelector('.dd-brand-tag');
        const r = tag.getBoundingClientRect();
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, right: r.right, width: window.innerWidth,
          text: tag.textContent };
      });
      assert.ok(m.overflow <= 0, `${url || 'index'}: ${m.overflow}px sideways`);
      assert.ok(m.right <= m.width && m.text.includes('非官方'), `${url || 'index'}: header tag ${JSON.stringify(m)}`);
      await shot(page, `font200-${url.replace('.html', '') || 'index'}`);
    }
    assert.deepEqual(log.errors, []);
  }, { width: 360, height: 740 });
});

test('errors are summarised at the top on 继续 and point at the field', async () => {
  await withPage(async (page) => {
    const h = resident('quangang-three');
    await page.goto(server.url + '#region=quangang-2020');
    await page.waitForSelector('input[name="region"]');
    await page.click('#dd-main button[type="submit"]');
    await answerPage(page, h); await page.click('#dd-main button[type="submit"]');   // hukou
    await page.click('#dd-main button[type="submit"]');                             // size left empty
    await page.waitForSelector('.dd-error-summary');
    assert.match(await page.textContent('.dd-error-summary'), /请填写数字/);
    await page.fill('input[name="size"]', '25');
    await page.click('#dd-main button[type="submit"]');
    assert.match(await page.textContent('.dd-error-summary'), /不能大于 20/);
    assert.equal(await page.inputValue('input[name="size"]'), '25', 'what was typed stays on screen');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'dd-error-summary');
    await shot(page, 'errors-size');
    assert.deepEqual(await axe(page), []);
    await page.click('.dd-error-summary a');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'size');
  });
});

test('changing an answer on the results page updates the results without starting over', async () => {
  await withPage(async (page, log) => {
    const h = resident('quangang-three');
    await walk(page, log, server.url, h, 'change', { shots: false });
    const before = await shownPrograms(page);
    await page.click('.dd-answers-box summary');
    // The head's wages: 1500 -> 2500 a month.
    const row = page.locator('.dd-answer', { hasText: '工资' }).first();
    await row.locator('button').click();
    await page.waitForSelector('input[name="m0.inc.wages"]');
    // Not “第 2 步，共约 38 步”: the page is a change, and 继续 returns to the results.
    const progress = await page.textContent('.dd-progress');
    assert.ok(progress.includes('修改回答') && !progress.includes('共约'), progress);
    await page.fill('input[name="m0.inc.wages"]', '2500');
    await page.click('#dd-main button[type="submit"]');
    await page.waitForSelector('.dd-results');
    const changed = JSON.parse(JSON.stringify(h));
    changed.members[0].income_monthly.wages = 2500;
    const expected = JSON.parse(cli(changed));
    const after = await shownPrograms(page);
    const dibao = expected.programs.find((p) => p.id === 'dibao');
    assert.equal(after.dibao.status, dibao.status);
    if (dibao.amount) assert.ok(after.dibao.amount.includes(moneyText(dibao.amount.value)));
    assert.notEqual(after.dibao.amount, before.dibao.amount);
    assert.deepEqual(log.requests, []);
  });
});

test('the back button after 重新测算 goes to the first question, not to results of nobody', async () => {
  await withPage(async (page, log) => {
    await walk(page, log, server.url, resident('quangang-three'), 'back-after-restart', { shots: false });
    await page.click('button:has-text("重新测算")');
    await page.waitForSelector('input[name="region"]');
    await page.goBack();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-view') !== 'start');
    assert.notEqual(await view(page), 'results');
    assert.equal(await page.$('.dd-error-summary'), null, 'no errors shown');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'at the top');
    assert.deepEqual(log.errors, []);
  });
});

test('a reload in the middle of the questions comes back to the same question, answers kept', async () => {
  await withPage(async (page, log) => {
    const h = resident('zhongwei-alone');
    const title = () => page.textContent('#dd-main h1');
    await page.goto(server.url + '#region=zhongwei-2019');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
    await page.click('#dd-main button[type="submit"]');
    for (let i = 0; i < 2; i++) {
      await page.waitForSelector('#dd-main form input');
      const before = await title();
      await answerPage(page, h);
      await page.click('#dd-main button[type="submit"]');
      await page.waitForFunction((t) => document.querySelector('#dd-main h1').textContent !== t, before);
    }
    const third = await title();
    await page.reload();
    await page.waitForSelector('#dd-main form input');
    assert.equal(await title(), third, 'the same question after the reload');
    await page.click('#dd-main button:has-text("返回")');
    await page.waitForFunction((t) => document.querySelector('#dd-main h1').textContent !== t, third);
    assert.ok(await page.evaluate(() => [...document.querySelectorAll('#dd-main form input')].some((i) => (i.type === 'text' ? i.value !== '' : i.checked))),
      'the page before still has its answer');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing kept beyond the tab');
    assert.deepEqual(log.errors, []);
  });
});

test('nothing outlives the tab unless asked; 清除我的信息 asks, then forgets everything', async () => {
  await withPage(async (page, log) => {
    const h = resident('zhongwei-alone');
    await walk(page, log, server.url, h, 'store', { shots: false });
    const keys = () => page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(await keys(), [], 'stored beyond the tab without being asked');
    await page.click('label[for="dd-save"]');
    assert.deepEqual(await keys(), ['doudi.v1']);
    // Another tab (a later visit) is offered the saved answers.
    const { page: other } = await openPage(browser.context);
    await other.goto(server.url);
    await other.waitForSelector('text=接着上次的回答');
    await other.close();
    await page.reload();
    await page.waitForSelector('.dd-results');
    // 清除我的信息 asks first: 不清除 keeps everything; 确定清除 clears.
    await page.click('#dd-clear');
    await page.click('#dd-clear-no');
    assert.deepEqual(await keys(), ['doudi.v1']);
    assert.ok(await page.$('.dd-results'));
    await page.click('#dd-clear');
    await page.click('#dd-clear-yes');
    await page.waitForSelector('input[name="region"]');
    assert.deepEqual(await keys(), []);
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
    assert.match(await page.textContent('#dd-main'), /您的信息已清除/);
    assert.equal(await page.$('text=接着上次的回答'), null);
    // Saved answers in another format, or damaged, are not offered (and break nothing).
    for (const saved of ['{"region":"hebi-2017","answers":{"size":3,"status":5}}', '{"answers":{"size":"1"}}',
      '{"region":"hebi-2017","answers":["1"]}', '{"region":"hebi-2017","answers":', '7']) {
      await page.evaluate((v) => localStorage.setItem('doudi.v1', v), saved);
      await page.reload();
      await page.waitForSelector('input[name="region"]');
      assert.equal(await page.$('text=接着上次的回答'), null, saved);
    }
    await page.evaluate(() => localStorage.setItem('doudi.v1', '{"region":"hebi-2017","answers":{"size":"1","m0.age":"70"}}'));
    await page.reload();
    await page.waitForSelector('text=接着上次的回答');
    assert.deepEqual(log.errors, []);
  });
});

// Nothing applies (明溪's document is for urban families): the page does not point at
// “可能符合” items that are not there, and the reasons, which say where to ask, are open.
test('when no program may apply, the reasons are shown open and the lead says so', async () => {
  await withPage(async (page, log) => {
    const h = resident('mingxi-rural-widow');
    assert.ok(JSON.parse(cli(h)).programs.every((p) => p.status === 'ineligible'), 'the CLI refuses every program');
    await walk(page, log, server.url, h, 'none-at-all', { shots: false });
    const panel = await page.textContent('.dd-summary + .dd-panel');
    assert.match(panel, /各项都不符合/);
    assert.match(await page.textContent('#dd-main .dd-meta'), /按 2019年12月31日 的标准/, 'the date in Chinese');
    assert.doesNotMatch(panel, /可能符合/);
    const boxes = await page.$$eval('.dd-why-box', (els) => els.map((e) => e.open));
    assert.ok(boxes.length > 0 && boxes.every(Boolean), 'every 为什么不符合 open');
    assert.ok(await page.isVisible('text=农村户籍的请按农村特困供养政策向乡（镇）申请'));
    assert.deepEqual(log.errors, []);
  }, { width: 320, height: 568 });
});

// A document that keeps programs to one 户口 says so as soon as the ages are in,
// before the questions: 明溪's are for 城镇 families, 新密's 低保 and 特困 for 农村
// ones. Only on that first page; a 中卫 农村 household has nothing to be told.
test('the programs a household\'s 户口 rules out are named on the first page after the ages', async () => {
  // 继续, then the next page drawn (two members' age pages share a view name).
  const submitted = async (page) => {
    const was = await page.$('#dd-main');
    await page.click('#dd-main button[type="submit"]');
    await page.waitForFunction((el) => !el.isConnected, was);
  };
  const afterAges = async (h) => {
    let notice, next;
    await withPage(async (page, log) => {
      await page.goto(`${server.url}#region=${h.region}`);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-engine') === 'ready');
      await page.click('#dd-main button[type="submit"]');
      let v;
      for (;;) {
        await page.waitForSelector('#dd-main h1');
        v = await view(page);
        if (!/^(hukou|size|basic)$/.test(v)) break;
        await answerPage(page, h);
        await submitted(page);
      }
      notice = await page.$eval('.dd-scope', (e) => [...e.children].flatMap((c) => (c.tagName === 'UL'
        ? [...c.children].map((li) => '· ' + li.textContent) : [c.textContent])).join('\n')).catch(() => null);
      if (notice) {
        assert.equal(await axe(page).then((x) => x.length), 0);
        // read first, from the top of the page (in large text the question's heading is a screen below)
        assert.equal(await page.evaluate(() => document.activeElement.classList.contains('dd-scope')), true);
        assert.equal(await page.evaluate(() => window.scrollY), 0);
      }
      await answerPage(page, h);
      await submitted(page);
      next = await page.$('.dd-scope');
      assert.deepEqual(log.errors, []);
    }, { width: 320, height: 568 });
    return { notice, next };
  };
  const mingxi = await afterAges(resident('mingxi-rural-widow'));
  assert.equal(mingxi.notice, ['您家是农村户口。这份文件里有7项只面向城镇户口，不再测算：', '· 城市最低生活保障', '· 城市特困人员救助供养',
    '· 城市困难家庭认定（“347”精准帮扶）', '· 住房援助（租赁补贴、公租房优先）', '· 医疗保障', '· 扶残助残（康复、辅具、就业、助学、保险）',
    '· 结对帮扶和慈善救助', '农村户口的同类救助，请向户籍所在地的乡（镇）人民政府咨询。',
    '下面的问题是为测算其余各项：困难残疾人生活补贴、重度残疾人护理补贴、临时救助。'].join('\n'));
  assert.equal(mingxi.next, null, 'said once, on the first page after the ages');
  const xinmi = await afterAges(Object.assign({}, resident('xinmi-elder-couple'), { hukou: 'urban' }));
  assert.match(xinmi.notice, /^您家是城镇户口。这份文件里有2项只面向农村户口，不再测算：\n· 农村五保供养（特困人员救助供养）\n· 农村最低生活保障\n城镇户口的同类救助，请向户籍所在地的街道办事处咨询。/);
  assert.equal((await afterAges(resident('zhongwei-alone'))).notice, null);
});

// The documents' words on a results page (公示, 民主评议, …) are explained under the
// programs, only those the page uses, each once; printing leaves them out.
test('the results page explains the document words it uses, and only those', async () => {
  await withPage(async (page, log) => {
    await walk(page, log, server.url, resident('hebi-registered'), 'glossary', { shots: false });
    const words = await page.$$eval('.dd-glossary dt', (els) => els.map((e) => e.textContent));
    assert.deepEqual(words, ['一门受理', '入户调查', '经济状况核对', '民主评议', '公示', '刚性支出', '补差', '建档立卡', '义务人']);
    const outside = await page.$eval('#dd-main', (m) => { const c = m.cloneNode(true); c.querySelector('.dd-glossary').remove(); return c.textContent; });
    for (const w of words) assert.ok(outside.includes(w), w + ' is on the page');
    assert.ok(!outside.includes('渐退') && !words.includes('渐退期'), 'an entry shows only when the page uses it');
    assert.ok(!outside.includes('社会化发放') && !words.includes('社会化发放'));
    await page.click('.dd-glossary summary');
    assert.match(await page.textContent('.dd-glossary'), /公示把申请或批准家庭的户主姓名、家庭人口、收入、救助金额等在村（居）张榜公开/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('.dd-glossary'), false, 'not printed');
    assert.deepEqual(log.errors, []);
  }, { width: 360, height: 740 });
});

// Income exactly at the standard: whether that counts is the reasons' to say (泉港: 低于);
// the line under the amount said “高出 0 元”.
test('income exactly at the 低保 standard reads 正好等于, not 高出 0 元', async () => {
  await withPage(async (page, log) => {
    const h = { schema: 1, region: 'quangang-2020', hukou: 'rural', members: [{ age: 40, relation: 'head', labor: 'full', self_care: 'full',
      employed: true, newly_employed: false, disability_grade: 0, serious_illness: false, has_capable_supporter: true, income_monthly: { wages: 720 } }],
    assets: { deposits: 0, housing_area_m2: 40, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 0 },
    status: { dibao: false, tekun: false, low_income: false, dibao_marginal: false, poverty_registered: false }, events: [], aid_this_year: { temporary: 0 } };
    const dibao = JSON.parse(cli(h)).programs.find((p) => p.id === 'dibao');
    assert.equal(dibao.threshold.gap, 0);
    await walk(page, log, server.url, h, 'at-the-line', { shots: false });
    const line = await page.textContent('section[aria-labelledby="prog-dibao"] .dd-threshold');
    assert.match(line, /正好等于 720 元（低保标准）/);
    assert.doesNotMatch(line, /高出/);
  });
});

// One phone, several families (an outreach worker): saving was agreed for the
// household before 重新测算, not for the next one.
test('重新测算 forgets the saved answers; the next household is not saved unless asked', async () => {
  await withPage(async (page, log) => {
    await walk(page, log, server.url, resident('zhongwei-alone'), 'restart-save', { shots: false });
    await page.click('label[for="dd-save"]');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['doudi.v1']);
    await page.click('button:has-text("重新测算")');
    await page.waitForSelector('input[name="region"]');
    assert.equal(await page.$('text=接着上次的回答'), null, 'the start page offers nothing saved');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    await walk(page, log, server.url, resident('hebi-above'), 'restart-save-next', { shots: false });
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'the next household saved unasked');
    assert.equal(await page.isChecked('#dd-save'), false);
    assert.deepEqual(log.errors, []);
  });
});

test('region from #region= and from ?region= among WeChat\'s own parameters; nothing else read from the URL', async () => {
  await withPage(async (page) => {
    await page.goto(server.url + '?from=singlemessage&isappinstalled=0&region=mingxi-2019&scene=1');
    await page.waitForSelector('input[name="region"]');
    assert.equal(await page.isChecked('input[value="mingxi-2019"]'), true);
    // The region the link names leads the page, with its own way on (on a 320 px phone the
    // list put 开始测算 two screens down).
    await page.setViewportSize({ width: 320, height: 568 });
    await page.waitForSelector('.dd-linked');
    assert.match(await page.textContent('.dd-linked'), /明溪县.*明政办〔2019〕49号/);
    const box = await page.$eval('.dd-linked button', (b) => b.getBoundingClientRect().bottom);
    assert.ok(box <= 568, `its button on the first screen (bottom at ${box}px)`);
    await page.goto(server.url + 'index.html?nsukey=abc#region=xinmi-2016');
    await page.waitForSelector('input[name="region"]');
    assert.equal(await page.isChecked('input[value="xinmi-2016"]'), true);
    const text = await page.textContent('#dd-main');
    for (const r of ['新密民字[2016]74号', '卫民发〔2019〕21号', '明政办〔2019〕49号', '鹤政办〔2017〕14号', '泉港民〔2020〕40号', '2017-05-17'])
      assert.ok(text.includes(r), r);
    assert.match(text, /不是政府官方网站/);
    assert.match(text, /对所有人开放/);
    // An id in capitals is still the region; one not known is said so, nothing chosen.
    await page.goto(server.url + 'index.html?v=2#region=MINGXI-2019');
    await page.waitForSelector('.dd-linked');
    assert.equal(await page.isChecked('input[value="mingxi-2019"]'), true);
    await page.click('.dd-linked button');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-view') !== 'start');
    // 返回 (history back) puts focus on the question, as 继续 does
    await page.click('#dd-main button:has-text("返回")');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-view') === 'start');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H1');
    await page.goto(server.url + 'index.html?v=3#region=nowhere');
    await page.waitForSelector('.dd-notice-warn');
    assert.match(await page.textContent('.dd-notice-warn'), /链接里的地区“nowhere”没有找到/);
    assert.equal(await page.$('.dd-linked'), null);
    assert.equal(await page.$('input[name="region"]:checked'), null);
  });
});

// An engine before Chrome 97 does not know 'wasm-unsafe-eval': to it the policy
// forbids WebAssembly. Serve the page with that word removed to get the same.
async function asOldEngine(page) {
  await page.route((url) => url.pathname === '/' || url.pathname.endsWith('/index.html'), async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(" 'wasm-unsafe-eval'", '');
    await route.fulfill({ response: res, body });
  });
}

test('when WebAssembly cannot run, the page says so and still shows offices and documents', async () => {
  await withPage(async (page, log) => {
    await asOldEngine(page);
    await page.goto(server.url + '#region=quangang-2020');
    await page.waitForSelector('html[data-engine="failed"]');
    await page.waitForSelector('text=计算程序在这个浏览器里无法运行');
    const text = await page.textContent('#dd-main');
    assert.match(text, /在浏览器打开/);
    assert.match(text, /户籍所在地镇人民政府（街道办事处）社会救助窗口/);
    assert.match(text, /户口簿/);
    await shot(page, 'failure');
    assert.deepEqual(await axe(page), []);
  });
});

test('when the .wasm file cannot be fetched, the page says so too', async () => {
  await withPage(async (page) => {
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(server.url + '#region=hebi-2017');
    await page.waitForSelector('html[data-engine="failed"]');
    await page.waitForSelector('text=计算程序在这个浏览器里无法运行');
  });
});

test('the JavaScript fallback (-sWASM=0) runs under the same CSP and gives the same results', async () => {
  await withPage(async (page, log) => {
    await asOldEngine(page);
    const h = resident('hebi-above');
    await page.goto(server.url + '#region=hebi-2017');
    await page.waitForSelector('text=兼容模式');
    await page.click('text=兼容模式');
    await page.waitForSelector('html[data-engine="ready"]');
    await page.waitForSelector('input[name="hukou"]');
    for (let i = 0; i < 80 && (await view(page)) !== 'results'; i++) {
      await answerPage(page, h);
      await page.click('#dd-main button[type="submit"]');
      await page.waitForSelector('#dd-main h1');
    }
    const expected = JSON.parse(cli(h));
    const shown = await shownPrograms(page);
    for (const p of expected.programs) assert.equal(shown[p.id].status, p.status, p.id);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-engine')), 'ready');
  });
});

test('the built page: strict CSP, no inline script, no third-party host, hashed names', () => {
  for (const pageName of ['index.html', 'staff.html', 'roster.html']) {
    const html = fs.readFileSync(path.join(SITE, pageName), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", 'http:', 'https:', '*']) assert.ok(!csp.includes(bad), bad);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  }
  for (const f of fs.readdirSync(SITE, { recursive: true })) {
    const name = String(f);
    // pages are linked by name (index.html, staff.html, roster.html), like index.html
    // and so are the region pages; the service worker keeps its name at the root
    if (fs.statSync(path.join(SITE, name)).isDirectory() || /^(regions\/)?[\w-]+\.html$/.test(name) || /^screen\.(js|wasm)$/.test(name) || name === 'sw.js') continue;
    assert.match(name, /\.[0-9a-f]{10}\.\w+$/, `${name} has no content hash`);
  }
});

test('print: the results fit one page', async () => {
  await withPage(async (page, log) => {
    const h = resident('hebi-registered');
    await walk(page, log, server.url, h, 'print', { shots: false });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.screenshot({ path: path.join(path.dirname(SITE), '..', 'test-output', 'screenshots', 'print-results.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    fs.writeFileSync(path.join(path.dirname(SITE), '..', 'test-output', 'results-print.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 1, `${pages} printed pages`);
  });
});

// On a slow network the first screen is the page itself until the scripts
// arrive: its heading and lead are the start page's own (the lead is the
// largest text, Lighthouse's largest contentful paint), so nothing jumps or
// changes when the script draws the start page over them.
test('before the scripts run, index.html shows the start page\'s heading and lead', async () => {
  // As data, so that Node does not warn about site/js having no package type.
  const text = fs.readFileSync(new URL('../../site/js/text.js', import.meta.url), 'utf8');
  const { T } = await import('data:text/javascript,' + encodeURIComponent(text));
  const html = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
  assert.equal(/<h1>([^<]+)<\/h1>/.exec(html)[1], T.startPage.title);
  assert.equal(/<p class="dd-lead">([^<]+)<\/p>/.exec(html)[1], T.startPage.intro);
  await withPage(async (page) => {
    await page.route(/\.js$/, (route) => route.abort());  // no script at all
    await page.goto(server.url);
    assert.equal(await page.textContent('h1'), T.startPage.title);
    assert.equal(await page.textContent('.dd-lead'), T.startPage.intro);
    await shot(page, 'start-before-scripts');
  }, { width: 360, height: 740 });
});

// On a slow network the 大字模式 button comes with the script, seconds after the text:
// the header must not grow then and push the page down (it wrapped to a second row).
test('the header is as tall before the script as after it, on phones and wider', async () => {
  for (const width of [320, 360, 414, 800]) {
    await withPage(async (page) => {
      await page.route('**/js/**', (r) => r.abort());
      await page.goto(server.url);
      const before = await page.$eval('.dd-header', (e) => e.getBoundingClientRect().height);
      await page.unroute('**/js/**');
      await page.goto(server.url);
      await page.waitForSelector('#dd-size-toggle');
      const after = await page.$eval('.dd-header', (e) => e.getBoundingClientRect().height);
      assert.equal(after, before, `${width} px: ${before} -> ${after}`);
    }, { width, height: 640 });
  }
});
