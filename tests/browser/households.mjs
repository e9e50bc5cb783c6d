// Residents the browser tests play: at least two households per region, written
// as households of the contract. The page is answered from these facts; its
// results must show what the native CLI says for the same household.
const m = (age, relation, extra) => Object.assign({ age, relation }, extra);
const noIncome = {};
const none = { dibao: false, tekun: false, low_income: false, dibao_marginal: false, poverty_registered: false };

export const HOUSEHOLDS = [
  { name: 'xinmi-elder-couple', household: { schema: 1, region: 'xinmi-2016', hukou: 'rural', members: [
    m(82, 'head', { labor: 'none', self_care: 'partial', disability_grade: 0, serious_illness: true, has_capable_supporter: false,
      income_monthly: { pension_basic: 78 } }),
    m(79, 'spouse', { labor: 'none', self_care: 'full', disability_grade: 0, serious_illness: false, has_capable_supporter: false,
      income_monthly: { pension_basic: 78 } })],
    assets: { deposits: 0, housing_area_m2: 40, owns_home: true }, expenses_yearly: { medical: 3000, education: 0, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
  { name: 'xinmi-orphan', household: { schema: 1, region: 'xinmi-2016', hukou: 'rural', members: [
    m(68, 'head', { labor: 'partial', self_care: 'full', disability_grade: 0, serious_illness: false, has_capable_supporter: true,
      income_monthly: { business: 500 } }),
    m(11, 'grandchild', { orphan: true, unsupported_child: false, school: 'primary', disability_grade: 0, serious_illness: false,
      has_capable_supporter: true, income_monthly: noIncome })],
    assets: { deposits: 3000, housing_area_m2: 80, owns_home: true }, expenses_yearly: { medical: 0, education: 600, disaster: 0 },
    status: Object.assign({}, none, { poverty_registered: true }), events: [], aid_this_year: { temporary: 0 } } },
  { name: 'zhongwei-disabled', household: { schema: 1, region: 'zhongwei-2019', hukou: 'rural', members: [
    m(50, 'head', { labor: 'full', employed: true, disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      income_monthly: { wages: 900 } }),
    m(48, 'spouse', { labor: 'none', disability_grade: 1, disability_kind: 'physical', self_care: 'none', serious_illness: false,
      has_capable_supporter: true, income_monthly: noIncome }),
    m(20, 'child', { labor: 'full', school: 'college', disability_grade: 0, serious_illness: false, self_care: 'full',
      has_capable_supporter: true, income_monthly: noIncome })],
    assets: { deposits: 1000, housing_area_m2: 70, owns_home: true }, expenses_yearly: { medical: 2000, education: 5000, disaster: 0 },
    status: Object.assign({}, none, { poverty_registered: true }), events: [], aid_this_year: { temporary: 0 } } },
  { name: 'zhongwei-alone', household: { schema: 1, region: 'zhongwei-2019', hukou: 'rural', members: [
    m(74, 'head', { labor: 'none', self_care: 'partial', disability_grade: 0, serious_illness: false, has_capable_supporter: false,
      in_institution: false, income_monthly: { pension_basic: 130 } })],
    assets: { deposits: 0, housing_area_m2: 30, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
  { name: 'mingxi-unemployed', household: { schema: 1, region: 'mingxi-2019', hukou: 'urban', members: [
    m(44, 'head', { labor: 'full', employed: false, disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      income_monthly: { other: 300 } }),
    m(42, 'spouse', { labor: 'partial', employed: false, disability_grade: 3, disability_kind: 'physical', serious_illness: false, self_care: 'full',
      has_capable_supporter: true, income_monthly: noIncome }),
    m(16, 'child', { school: 'senior', disability_grade: 0, serious_illness: false, self_care: 'full', orphan: false, unsupported_child: false,
      has_capable_supporter: true, income_monthly: noIncome })],
    assets: { deposits: 2000, housing_area_m2: 45, owns_home: true }, expenses_yearly: { medical: 1000, education: 2000, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
  { name: 'mingxi-illness', household: { schema: 1, region: 'mingxi-2019', hukou: 'urban', members: [
    m(60, 'head', { labor: 'none', employed: false, disability_grade: 0, serious_illness: true, self_care: 'partial', has_capable_supporter: true,
      income_monthly: { pension_other: 1800 } })],
    assets: { deposits: 20000, housing_area_m2: 60, owns_home: true }, expenses_yearly: { medical: 30000, education: 0, disaster: 0 },
    status: none, events: [{ kind: 'illness', months_ago: 2, cost: 40000, compensated: 15000 }], aid_this_year: { temporary: 0 } } },
  { name: 'hebi-registered', household: { schema: 1, region: 'hebi-2017', hukou: 'rural', members: [
    m(52, 'head', { labor: 'partial', employed: false, disability_grade: 0, serious_illness: true, self_care: 'full', has_capable_supporter: true,
      income_monthly: { business: 400 } }),
    m(50, 'spouse', { labor: 'full', disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      income_monthly: { wages: 300 } }),
    m(14, 'child', { school: 'junior', disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      orphan: false, unsupported_child: false, income_monthly: noIncome }),
    m(78, 'parent', { labor: 'none', disability_grade: 2, disability_kind: 'visual', serious_illness: false, self_care: 'partial',
      has_capable_supporter: true, income_monthly: { pension_basic: 80 } })],
    assets: { deposits: 0, housing_area_m2: 90, owns_home: true }, expenses_yearly: { medical: 8000, education: 1000, disaster: 0 },
    status: Object.assign({}, none, { poverty_registered: true }), events: [], aid_this_year: { temporary: 0 } } },
  { name: 'hebi-above', household: { schema: 1, region: 'hebi-2017', hukou: 'rural', members: [
    m(40, 'head', { labor: 'full', employed: true, disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      income_monthly: { wages: 1200 } }),
    m(38, 'spouse', { labor: 'full', employed: false, disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      income_monthly: noIncome })],
    assets: { deposits: 5000, housing_area_m2: 100, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
  { name: 'quangang-three', household: { schema: 1, region: 'quangang-2020', hukou: 'rural', members: [
    m(45, 'head', { labor: 'full', employed: true, disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      veteran_5lao: false, income_monthly: { wages: 1500 } }),
    m(40, 'spouse', { labor: 'none', disability_grade: 0, serious_illness: true, self_care: 'full', has_capable_supporter: true,
      veteran_5lao: false, income_monthly: noIncome }),
    m(10, 'child', { school: 'primary', disability_grade: 0, serious_illness: false, self_care: 'full', orphan: false,
      unsupported_child: false, has_capable_supporter: true, income_monthly: noIncome })],
    assets: { deposits: 2000, housing_area_m2: 60, owns_home: true }, expenses_yearly: { medical: 6000, education: 0, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
  { name: 'quangang-fire', household: { schema: 1, region: 'quangang-2020', hukou: 'urban', members: [
    m(66, 'head', { labor: 'none', disability_grade: 0, serious_illness: false, self_care: 'full', has_capable_supporter: true,
      veteran_5lao: true, income_monthly: { pension_other: 1200 } })],
    assets: { deposits: 8000, housing_area_m2: 50, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 20000 },
    status: Object.assign({}, none, { dibao: false }), events: [{ kind: 'fire', months_ago: 1, cost: 30000, compensated: 5000 }],
    aid_this_year: { temporary: 0 } } },
  // Income risen above what 低保 may allow, from a job found while on it: the 渐退期 hangs on
  // 新就业, asked at the end, after the income and costs that make it matter.
  { name: 'zhongwei-dibao-new-job', household: { schema: 1, region: 'zhongwei-2019', hukou: 'rural', members: [
    m(45, 'head', { labor: 'full', employed: true, newly_employed: true, disability_grade: 0, serious_illness: false, self_care: 'full',
      has_capable_supporter: true, income_monthly: { wages: 2500 } }),
    m(43, 'spouse', { labor: 'full', employed: false, newly_employed: false, disability_grade: 0, serious_illness: false, self_care: 'full',
      has_capable_supporter: true, income_monthly: noIncome }),
    m(12, 'child', { labor: 'none', school: 'primary', disability_grade: 0, serious_illness: false, self_care: 'full',
      has_capable_supporter: true, income_monthly: noIncome })],
    assets: { deposits: 0, housing_area_m2: 80, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 0 },
    status: Object.assign({}, none, { dibao: true, months_on_dibao: 30 }), events: [], aid_this_year: { temporary: 0 } } },
  // A rural widow under 明溪's document, which is for 城市困难家庭 (明政办〔2019〕49号 一、（一））:
  // nothing applies, and each refusal says where rural families ask instead.
  { name: 'mingxi-rural-widow', household: { schema: 1, region: 'mingxi-2019', hukou: 'rural', members: [
    m(78, 'head', { labor: 'none', self_care: 'partial', disability_grade: 0, serious_illness: false, has_capable_supporter: false,
      in_institution: false, income_monthly: { pension_basic: 150 } })],
    assets: { deposits: 0, housing_area_m2: 30, owns_home: true }, expenses_yearly: { medical: 0, education: 0, disaster: 0 },
    status: none, events: [], aid_this_year: { temporary: 0 } } },
];
