// Every word the resident reads, in one place, apart from the logic.
// Placeholders in braces ({who}, {n}, …) are filled in by the code.

export const T = {
  siteName: '兜底通',
  siteTagline: '社会救助自助测算',
  skip: '跳到正文',
  back: '返回',
  next: '继续',
  start: '开始测算',
  unknown: '不清楚',
  yes: '是',
  no: '否',
  loading: '正在准备计算程序，请稍候…',
  pleaseWait: '请稍候',
  change: '修改',
  yuan: '元',
  optional: '（选填）',

  textSize: {
    toggle: '大字模式',
    toggleOn: '大字',
    bigger: '放大',
    smaller: '缩小',
    prefix: '字号',
    level: ['标准字号', '大字', '更大字', '最大字'],
  },

  disclaimer: {
    title: '请注意',
    notOfficial: '本网页不是政府官方网站，也不是申请渠道。测算结果仅供参考，能否享受以当地民政部门审核为准。',
    stillOpen: '社区（村）委会和乡镇人民政府（街道办事处）的社会救助窗口和电话对所有人开放，无论这里的结果如何，都可以直接去问、去申请。',
    privacy: '您的回答只在这台手机（电脑）上计算，不会发送到任何地方。除非您选择保存，关掉网页后回答就会消失。',
  },

  startPage: {
    title: '看看您家可以申请哪些社会救助',
    intro: '回答一些关于家庭成员、收入和困难的问题（一般10到20分钟，家里人多的要久一些，可以随时返回修改），本网页会按当地政策文件，告诉您家可能符合哪些救助、大约多少钱、到哪里申请、带什么材料。',
    regionLegend: '请选择户口所在地（政策文件）',
    regionHint: '每个地方按自己的文件执行。下面列出文件名称、文号和印发日期。',
    issued: '印发日期',
    docNo: '文号',
    chooseRegion: '请选择一个地区',
    resume: '已找到您上次在本机保存的回答。',
    resumeGo: '接着上次的回答',
    resumeClear: '清除，重新开始',
    linked: '您选的是：{name}（{doc}）。按“开始测算”就开始；要换地区，请在下面选择。',
    unknownLink: '链接里的地区“{id}”没有找到，请在下面选择您户口所在的地区。',
  },

  steps: '（第 {i} 步，共约 {n} 步）',
  stepOnly: '（第 {i} 步）',
  stepReview: '（修改回答，改好按“继续”回到结果）',

  // Told once everyone's age is in, when the document keeps whole programs to the
  // other 户口 (明溪's are for 城镇 families, 新密's 低保 and 特困 for 农村 ones).
  scope: {
    rural: {
      lead: '您家是农村户口。这份文件里有{n}项只面向城镇户口，不再测算：',
      where: '农村户口的同类救助，请向户籍所在地的乡（镇）人民政府咨询。',
    },
    urban: {
      lead: '您家是城镇户口。这份文件里有{n}项只面向农村户口，不再测算：',
      where: '城镇户口的同类救助，请向户籍所在地的街道办事处咨询。',
    },
    rest: '下面的问题是为测算其余各项：{list}。',
  },

  errors: {
    summaryTitle: '请先改正下面的问题',
    required: '请选择一项',
    requiredNumber: '请填写数字',
    notNumber: '请只填写数字，例如 1500 或 1500.5',
    notCount: '请用阿拉伯数字填写，例如 3 或 68',
    tooSmall: '不能小于 {min}',
    tooLarge: '不能大于 {max}',
    notWhole: '请填写整数',
    moneyDecimals: '金额最多保留两位小数',
    requiredMoney: '请填写金额；没有请填 0，或勾选“不清楚”',
  },

  // The people in the household.
  relations: {
    head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女或外孙子女',
    grandparent: '祖父母或外祖父母', sibling: '兄弟姐妹', other: '其他共同生活的亲属',
  },
  memberFirst: '您（或户主）',
  memberNth: '第{n}位家庭成员',
  memberLabel: '{rel}，{age}岁',
  memberLabelNoAge: '{rel}',
  memberOf: '第{n}位：{label}',
  sectionMembers: '家庭成员 {n}/{total}',
  sectionHousehold: '家庭情况',

  // Questions: title (the page heading), hint (one line), help (a tap-to-open
  // explanation of a term), options (labels of the answer values).
  q: {
    hukou: {
      title: '您家的户口是城镇户口还是农村户口？',
      hint: '看户口簿上的“户别”。有的地方已不分农业、非农业，可按户口所在地是村委会还是社区（居委会）来选。',
      options: { rural: '农村户口（村委会）', urban: '城镇户口（社区、居委会）' },
    },
    size: {
      title: '家里一起生活的共有几口人？',
      hint: '包括您自己。',
      help: {
        summary: '哪些人算家庭成员？',
        body: '一般指户口在一起、共同生活的配偶、未成年子女、已成年但不能独立生活的子女、共同生活的父母等。长期在外、已分户单独生活的子女一般不算，以当地核定为准。',
      },
      label: '人数',
      unit: '人',
    },
    relation: {
      title: '{who}和户主是什么关系？',
      hint: '户主就是户口簿首页上的那位。',
      label: '与户主的关系',
    },
    age: {
      title: '{who}今年多大？',
      titleFirst: '您（或户主）今年多大？',
      hint: '按周岁填写。不满1岁填 0。',
      label: '年龄',
      unit: '周岁',
    },
    disability_grade: {
      title: '{who}有没有残疾人证？',
      hint: '看第二代残疾人证上写的等级。一、二级是重度残疾。',
      options: { '0': '没有残疾人证', '1': '有，一级', '2': '有，二级', '3': '有，三级', '4': '有，四级' },
    },
    disability_kind: {
      title: '{who}的残疾类别是什么？',
      hint: '残疾人证上写的类别。',
      options: { physical: '肢体残疾', visual: '视力残疾', hearing: '听力残疾', speech: '言语残疾',
                 intellectual: '智力残疾', mental: '精神残疾', multiple: '多重残疾' },
    },
    self_care: {
      title: '{who}生活能不能自理？',
      hint: '吃饭、穿衣、上厕所、洗澡、在屋里走动这些事，自己能不能做。',
      options: { full: '能自理', partial: '部分不能自理（有些事需要人帮）', none: '完全不能自理（需要人照顾）' },
    },
    serious_illness: {
      title: '{who}有没有被医院诊断为重病、大病？',
      hint: '例如癌症、尿毒症、白血病、严重心脑血管病等需要长期治疗的重大疾病。',
    },
    school: {
      title: '{who}现在上学吗？上的是什么学？',
      hint: '按现在正在读的学段选。',
      options: { none: '不上学（或已毕业）', preschool: '幼儿园', primary: '小学', junior: '初中',
                 senior: '普通高中', vocational: '中职、技校', college: '大专、本科或以上' },
    },
    labor: {
      title: '{who}有没有劳动能力？',
      hint: '能不能干活挣钱。因年老、残疾、重病不能干活的，选“没有”。',
      options: { full: '有劳动能力', partial: '部分有（只能干轻活）', none: '没有劳动能力' },
    },
    employed: {
      title: '{who}现在有工作吗？',
      hint: '包括打零工、做小生意、务农以外的工作。',
    },
    newly_employed: {
      title: '{who}是不是在领低保期间、最近12个月内找到了工作？',
      hint: '有的地方对领低保后新就业的人员有渐退或奖励政策。',
    },
    has_capable_supporter: {
      title: '{who}有没有能养活他（她）的法定赡养、抚养、扶养人？',
      hint: '法定义务人有能力供养的，选“有，并且他们有能力”；没有这样的人，或他们自己也没有能力，选“没有，或他们没有能力”。',
      help: {
        summary: '谁是法定赡养、抚养、扶养人？',
        body: '老人：成年子女（赡养人）；孩子：父母（抚养人）；夫妻之间互相扶养。父母已去世的孩子，有能力的祖父母、外祖父母或成年兄姐也有抚养义务。义务人本身是低保、特困人员，或重病、重残、无收入的，一般算“没有能力”。',
      },
      options: { 'true': '有，并且他们有能力', 'false': '没有，或他们没有能力' },
    },
    orphan: {
      title: '{who}是不是孤儿？',
      hint: '父母都已去世，或被法院宣告失踪。',
    },
    unsupported_child: {
      title: '{who}是不是事实无人抚养的儿童？',
      hint: '父母双方都重残、重病、服刑、强制戒毒、失联等，或一方去世（失踪）另一方有以上情况，实际上没人抚养。',
    },
    in_institution: {
      title: '{who}是否住在福利院、敬老院或养老机构里（集中供养）？',
      hint: '',
    },
    veteran_5lao: {
      title: '{who}是不是革命“五老”人员？',
      hint: '“五老”指老接头户、老交通员、老游击队员、老地下党员、老苏区干部（以当地认定为准）。',
    },
    work: { title: '{who}的工作情况' },
    child: { title: '{who}的抚养情况' },
    home: { title: '您家的住房' },
    has_income: {
      title: '{who}每月有没有收入？',
      hint: '工资、做生意、退休金、养老金、租金、抚恤补助等都算。',
      help: {
        summary: '什么算收入？',
        body: '一般包括：工资和打零工的钱、种养殖和做生意的收入、房屋或土地出租收入、存款利息、养老金和退休金、赡养费、抚恤补助等。有些收入核算低保时不算或少算（例如部分奖励、助学金、低保金本身），每个地方规定不同，请照实填写各项，本网页按当地文件计算。',
      },
      options: { yes: '有收入', no: '没有任何收入' },
    },
    income_monthly: {
      title: '{who}平均每月收入多少？',
      hint: '按最近一年平均到每个月，填写每一项的钱数（元）。没有的项目空着就行。',
      kinds: {
        wages: '工资、打零工的钱',
        business: '种地、养殖、做生意的收入',
        property: '出租房屋土地、利息等财产收入',
        pension_basic: '城乡居民基本养老保险金（农村养老金）',
        pension_other: '退休金、其他养老金',
        honors: '荣誉津贴、抚恤金、优待金',
        student_aid: '在校生活补助、困难补助',
        transfers: '子女给的赡养费、亲友资助等',
        other: '其他收入',
      },
    },
    deposits: {
      title: '全家一共有多少存款？',
      hint: '包括银行存款、理财、股票等，全家加在一起。',
      label: '存款总额',
    },
    owns_home: {
      title: '您家有自己的房子吗？',
      hint: '租房住、借住亲友家的，选“没有”。',
    },
    housing_area_m2: {
      title: '您家住房的建筑面积一共多少平方米？',
      hint: '现在住的房子，全家的面积加在一起；看房产证、租房合同或大概估计。',
      label: '住房面积',
      unit: '平方米',
    },
    expenses: {
      title: '近12个月，您家自己掏钱的大额支出有多少？',
      hint: '只算医保报销、保险赔付、救助以后，自己实际花的钱。没有填 0。',
      medical: '看病吃药（自付部分）',
      education: '孩子上学（学费、住宿费等）',
      disaster: '受灾损失',
    },
    has_event: {
      title: '近一年，您家有没有遇到突然的大困难？',
      hint: '例如家人得了急病重病、出了意外、房子着火、遭了灾、失业等。',
      options: { yes: '有', no: '没有' },
    },
    event: {
      title: '遇到的是什么困难？',
      hint: '只填最近、最大的一次。',
      kind: '困难类型',
      kinds: { illness: '生病、重病', injury: '受伤', accident: '交通事故等意外', fire: '火灾',
               lightning: '雷击', disaster: '自然灾害', epidemic: '疫情影响', unemployment: '失业', other: '其他' },
      months_ago: '大约是几个月前？',
      months_unit: '个月前',
      cost: '花了多少钱，或损失了多少（元）',
      compensated: '已经得到的保险、赔偿、救助（元）',
    },
    temporary_count: {
      title: '今年已经领过几次临时救助？',
      hint: '没有领过填 0。',
      label: '次数',
      unit: '次',
    },
    status: {
      title: '您家现在是不是下面这些对象？',
      hint: '可以多选。都不是就选“都不是”。',
      help: {
        summary: '什么是建档立卡？',
        body: '建档立卡贫困户是经过评议、在扶贫系统里登记过的贫困家庭，一般有《扶贫手册》或“明白卡”。不确定的可以问村委会。',
      },
      options: { dibao: '低保户（在领低保）', tekun: '特困供养人员（五保户）', low_income: '低收入家庭',
                 dibao_marginal: '低保边缘家庭', poverty_registered: '建档立卡贫困户（含已脱贫）' },
      none: '都不是',
    },
    months_on_dibao: {
      title: '您家领低保已经多少个月了？',
      hint: '从最近一次批下来算起。',
      label: '月数',
      unit: '个月',
    },
  },

  // Names of answers in the "还需要确认" lists (paths of the household JSON).
  fields: {
    hukou: '户口类型', age: '年龄', relation: '与户主关系',
    disability_grade: '残疾等级', disability_kind: '残疾类别', self_care: '生活自理能力',
    serious_illness: '是否重病', school: '上学情况', labor: '劳动能力', employed: '是否有工作',
    newly_employed: '是否新就业', has_capable_supporter: '有无有能力的赡养（抚养、扶养）人',
    orphan: '是否孤儿', unsupported_child: '是否事实无人抚养儿童', in_institution: '是否集中供养',
    veteran_5lao: '是否革命“五老”人员', income_monthly: '月收入',
    'assets.deposits': '家庭存款', 'assets.housing_area_m2': '住房面积', 'assets.owns_home': '是否有自有住房',
    'expenses_yearly.medical': '近12个月自付医疗费', 'expenses_yearly.education': '近12个月教育支出',
    'expenses_yearly.disaster': '近12个月受灾损失', events: '近期有没有突发困难',
    'aid_this_year.temporary': '今年领过几次临时救助',
    'status.dibao': '是否低保户', 'status.tekun': '是否特困人员', 'status.low_income': '是否低收入家庭',
    'status.dibao_marginal': '是否低保边缘家庭', 'status.poverty_registered': '是否建档立卡户',
    'status.months_on_dibao': '领低保的月数',
    memberField: '{who}：{field}',
    local: '当地还需核定的标准或情况',
  },

  results: {
    title: '测算结果',
    forRegion: '按{name}《{title}》（{doc}）测算',
    asOf: '按 {date} 的标准',
    handoffOpen: '生成预审单（带二维码，可打印）',
    handoffOffline: '预审单要联网才能打开（需要再下载一小部分网页）。请连上网络后再点一次；上面的结果不受影响。',
    ended: '这一项只在{from}至{to}发放，现在已经结束；这里的结果是按文件当时的情况测算的。',
    endedTo: '这一项发放到{to}为止，现在已经结束；这里的结果是按文件当时的情况测算的。',
    dated: '注意：这是按文件当时的标准算的。这份文件是为{to}以前的工作制定的，现在各地的低保等标准一般已经调整（多数是提高了）。能不能享受、能领多少，以当地民政部门现行的标准和审核为准。',
    datedOpen: '注意：这是按文件发布时（{issued}）的标准算的。现在各地的低保等标准可能已经调整（多数是提高了）。能不能享受、能领多少，以当地民政部门现行的标准和审核为准。',
    summary: '符合 {e} 项，可能符合 {m} 项，不符合 {i} 项。',
    household: '家庭人口 {size} 人',
    perCapita: '家庭月人均收入约 {v} 元',
    deductions: '（已扣减刚性支出每月 {v} 元）',
    eligible: '符合',
    eligibleLead: '按您的回答，您家符合下面这些救助的条件，可以去申请：',
    maybe: '可能符合',
    maybeLead: '下面这些还要看几项情况，或者要由工作人员核实：',
    ineligible: '不符合',
    ineligibleLead: '按您的回答，暂不符合下面这些（情况变了可以再测）：',
    noneEligible: '按目前的回答，没有完全符合的项目。请看下面“可能符合”的项目，或直接到窗口咨询。',
    noneAtAll: '按目前的回答，这份文件里的各项都不符合。每一项下面写了原因，有的还写了应该到哪里问；家里情况变了可以再测，有困难也可以直接到乡镇（街道）窗口咨询。',
    overlap: '{who}可能同时符合{list}。这{count}项是分别测算的，能否同时享受、金额能否相加，以审批部门认定为准。',
    statusMark: { eligible: '✓ 符合', maybe: '？ 可能符合', ineligible: '✗ 不符合' },
    amount: {
      month: '约每月 {v} 元', year: '约每年 {v} 元', once: '一次性约 {v} 元',
      monthUpTo: '每月最高 {v} 元', yearUpTo: '每年最高 {v} 元', onceUpTo: '一次最高 {v} 元',
    },
    members: '涉及：{list}',
    why: '为什么',
    whyNot: '为什么不符合',
    source: '依据：{doc} {clause}',
    readClause: '看原文',
    noClauseText: '（本网页未收录这一条的原文，请查阅该文件。）',
    missingTitle: '还需要确认：',
    answerIt: '去回答',
    thresholdAbove: '家庭月人均收入现在约 {value} 元，比 {limit} 元（{label}）高出 {gap} 元。',
    thresholdAboveMaybe: '按填写的收入算，家庭月人均约 {value} 元，比 {limit} 元（{label}）高出 {gap} 元；下面说的情况（比如可以扣减的支出）可能让它低于标准。',
    thresholdAt: '家庭月人均收入现在约 {value} 元，正好等于 {limit} 元（{label}）。',
    howTo: '怎么申请',
    where: '到哪里办',
    documents: '带什么材料',
    steps: '办理步骤',
    timeLimit: '办理时限',
    documentsNote: '以上是一般要带的材料，文件没有逐项列出；以窗口一次性告知为准。',
    applyBasis: '办理依据',
    yourAnswers: '查看或修改我的回答',
    answersHint: '改了任何一项，结果会马上重新计算。',
    notAnswered: '未回答',
    unknownAnswer: '不清楚',
    print: '打印这一页',
    restart: '重新测算',
    errorsTitle: '有几处回答需要修改：',
    officeNote: '最终能否享受、享受多少，以乡镇（街道）和民政部门审核为准。',
    printNote: '本页由“兜底通”自助测算生成，仅供参考，不是申请材料或审批结果。',
  },

  // The documents' own words, explained where a page uses them (glossaryFor below):
  // [the word as the page shows it, what it means to the resident, other forms of it].
  glossaryTitle: '文件里的这些词是什么意思？',
  glossary: [
    ['一门受理', '乡镇（街道）设一个社会救助窗口，各类救助都可以在这一个窗口申请，由窗口转给有关部门办理，不用一个个部门去跑。'],
    ['入户调查', '工作人员到您家里，了解家里的收入、财产和实际生活情况。'],
    ['邻里访问', '工作人员向村（居）委会和邻居了解您家的情况。'],
    ['信函索证', '工作人员发函向有关单位（比如工作单位）查证收入等情况。'],
    ['经济状况核对', '经您签字授权，民政部门向银行、房产、车辆、社保、税务等部门查询家里的收入和财产，核对是否和申报的一样。'],
    ['民主评议', '由乡镇（街道）组织、村（居）委会协助，请群众代表等对申请家庭的困难情况是否属实进行评议。'],
    ['公示', '把申请或批准家庭的户主姓名、家庭人口、收入、救助金额等在村（居）张榜公开，接受大家监督；对公示有不同意见的，可以向乡镇（街道）或民政部门反映。'],
    ['社会化发放', '救助金由银行等机构直接打到本人的银行卡或存折上，不经别人手发现金。'],
    ['分类定标施保', '按评估出的不同情况（比如生活能不能自理）分档确定救助标准，不是每个人都一样多。'],
    ['集中供养', '住进敬老院等供养服务机构，由机构照料生活。'],
    ['分散供养', '住在自己家里，按月领取供养金，可以委托亲友等照料生活。'],
    ['刚性支出', '看病、上学等必须花的钱。有的文件规定先从家庭收入里扣除这部分支出，再看是否低于低保标准。'],
    ['补差', '低保金按“差多少补多少”发：家庭每人每月的收入比低保标准少多少，就按每人补多少算。'],
    ['渐退期', '家里收入超过低保标准后，低保金不马上停，再发一段时间（文件写明多久）才退出，让家庭有个缓冲。', ['渐退', '延保']],
    ['建档立卡', '建档立卡贫困户是经过评议、在扶贫系统里登记过的贫困家庭，一般有《扶贫手册》或“明白卡”。'],
    ['义务人', '法定赡养、抚养、扶养义务人：法律上有义务供养的人，如成年子女对父母、父母对未成年子女、夫妻之间。不住在一起的子女也算。义务人自己也很困难的（比如本身是特困人员、重度残疾人等），可以认定为无履行能力，以乡镇（街道）认定为准。'],
    ['先行救助', '情况紧急的，乡镇（街道）可以先给救助，再补办申请手续。'],
    ['半护理', '按生活自理能力评估分档：部分生活不能自理的是半护理，完全不能自理的是全护理，护理越多，供养标准越高。', ['全护理']],
  ],

  store: {
    saveLabel: '在这台手机上保存我的回答，下次打开可以接着看',
    saveHint: '只保存在本机浏览器里，不会上传。用公用手机时请不要勾选。',
    saved: '已保存在本机。',
    clear: '清除我的信息',
    cleared: '您的信息已清除。',
    confirmClear: '确定要清除所有回答吗？清除后要从头填写。',
    clearYes: '确定清除',
    keep: '不清除，继续填写',
  },

  failure: {
    title: '计算程序在这个浏览器里无法运行',
    body: '本网页需要浏览器运行一个小的计算程序（WebAssembly）。这个浏览器（常见于较旧的微信、支付宝等应用内置浏览器）不允许运行它，所以暂时不能测算。',
    tip: '请点右上角“…”或“⋮”，选择“在浏览器打开”，用手机自带的浏览器打开本网页再试；也可以直接到下面的窗口咨询。',
    detail: '技术信息：{msg}',
    compat: '改用兼容模式（需要再下载约 {kb} KB，较慢）',
    compatLoading: '正在加载兼容模式…',
    officesTitle: '到哪里咨询和申请',
    officesIntro: '下面是各地政策文件写明的办理地点和材料：',
    noInfo: '办理信息也没有加载成功。请到户籍所在地的社区（村）委会或乡镇（街道）社会救助窗口咨询。',
    retry: '再试一次',
  },

  noModules: '您的浏览器版本较旧，无法使用本网页。请用手机自带的浏览器打开，或到社区（村）委会、乡镇（街道）社会救助窗口咨询。',
  footer: '兜底通 · 开源自助测算工具 · 不收集任何个人信息',
};

export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (values && values[k] !== undefined ? String(values[k]) : m));
}

// 低保, 特困供养 and 孤儿保障 each pay for the same basic living. The documents
// do not say whether one person may have two of them (鹤壁 moves 低保 recipients
// who qualify as 特困 over: 三、（二）, the 特困 card's note), and the engine screens
// each on its own, so a family that may qualify for two is told the amounts are
// separate estimates and the office decides, rather than left to add them up.
// The resident's results, the staff page and the 预审单 say it alike.
const BASIC_LIVING = ['dibao', 'tekun', 'orphan_allowance'];
// `who`: 您家 to the resident, 该户 on the staff page.
export function overlapText(programs, who = '您家') {
  const open = (programs || []).filter((p) => BASIC_LIVING.includes(p.id) && p.status !== 'ineligible');
  if (open.length < 2) return null;
  const list = open.map((p) => '“' + p.name + '”').join(open.length === 2 ? '和' : '、');
  return fill(T.results.overlap, { who, list, count: open.length === 2 ? '两' : '三' });
}

// The glossary's entries a page's text uses (the results page, the region pages).
export function glossaryFor(text) {
  return T.glossary.filter(([word, , also]) => [word].concat(also || []).some((w) => text.includes(w)));
}
