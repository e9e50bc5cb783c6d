// A deterministic test roster for the 台账比对 tests (tests/browser/roster.test.mjs).
const HEAD = '户编号,地区,户籍,姓名,与户主关系,年龄,劳动能力,生活自理能力,残疾等级,重病,有能力的法定赡养抚养扶养人,月工资,月基本养老金,存款,住房面积,低保户,建档立卡,年医疗支出';
const REGIONS = ['quangang-2020', 'xinmi-2016', 'zhongwei-2019', 'mingxi-2019', 'hebi-2017'];
// A deterministic roster: n households of 1-4 members, varied incomes and statuses;
// every 97th household has a bad row (a non-number age, an unknown region, an
// unknown relation, a blank key in turn). Households spread over all five regions.
export function roster(n, opts = {}) {
  const lines = [HEAD];
  let seed = 12345;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  for (let i = 0; i < n; i++) {
    const key = `H${String(i).padStart(5, '0')}`;
    const region = opts.region ? '' : REGIONS[i % REGIONS.length];
    const size = 1 + rnd(4);
    const dibao = rnd(5) === 0 ? '是' : '否';
    const reg = rnd(7) === 0 ? '是' : '否';
    const bad = i % 97 === 13 ? (i / 97 | 0) % 4 : -1;
    for (let m = 0; m < size; m++) {
      const age = m === 0 ? 30 + rnd(60) : m % 3 === 1 ? 20 + rnd(60) : rnd(80);  // a spouse is an adult
      const wages = rnd(3) === 0 ? 0 : rnd(4000);
      const row = [key, region, rnd(2) ? '农村' : '城镇', '某' + m, m === 0 ? '户主' : ['配偶', '子女', '父母'][m % 3], age,
        ['完全', '部分', '无'][rnd(3)], ['自理', '半失能', '失能'][rnd(8) === 0 ? 2 : 0], rnd(10) === 0 ? 1 + rnd(4) : 0,
        rnd(12) === 0 ? '是' : '否', rnd(3) === 0 ? '否' : '是', wages, age >= 60 ? 150 : '', m === 0 ? rnd(3) * 20000 : '', m === 0 ? 40 + rnd(80) : '',
        m === 0 ? dibao : '', m === 0 ? reg : '', m === 0 ? rnd(4) * 3000 : ''];
      if (bad >= 0 && m === size - 1) {
        if (bad === 0) row[5] = '六十';
        if (bad === 1) row[1] = 'nowhere-2099';
        if (bad === 2 && m > 0) row[4] = '邻居'; else if (bad === 2) row[5] = '-3';
        if (bad === 3) row[0] = '';
      }
      lines.push(row.join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

