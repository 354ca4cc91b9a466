/**
 * Proposal text for the bench data: titles, 情况/分析/建议 and reply letters built from phrase banks with a
 * seeded PRNG, so every run writes the same words. Each topic carries its category and the handler units
 * that would usually answer it (names as in the demo committee).
 */
import type { Rng } from '../../server/src/modules/demo/prng.ts';

export type Category = 'economy' | 'politics' | 'culture' | 'society' | 'ecology';

export interface Topic {
  category: Category;
  subCategory: string;
  /** Short noun for sentences: "养老服务". */
  noun: string;
  /** Title forms: "社区居家养老服务体系". */
  titles: readonly string[];
  /** Handler units by demo name; the first usually leads. */
  units: readonly string[];
}

const t = (
  category: Category,
  subCategory: string,
  noun: string,
  titles: string[],
  units: string[],
): Topic => ({ category, subCategory, noun, titles, units });

export const topics: readonly Topic[] = [
  // 社会 society
  t(
    'society',
    '民生保障',
    '养老服务',
    ['社区居家养老服务体系', '养老服务“最后一公里”', '居家社区养老服务网络'],
    ['市民政局', '市卫生健康委员会', '市医疗保障局'],
  ),
  t(
    'society',
    '民生保障',
    '医养结合',
    ['医养结合养老机构建设', '医养结合服务'],
    ['市卫生健康委员会', '市民政局'],
  ),
  t(
    'society',
    '民生保障',
    '老年助餐',
    ['老年助餐服务网络', '社区老年食堂运营'],
    ['市民政局', '市商务局', '市市场监督管理局'],
  ),
  t(
    'society',
    '民生保障',
    '农村养老',
    ['农村互助养老', '农村留守老人关爱服务'],
    ['市民政局', '市农业农村局'],
  ),
  t(
    'society',
    '民生保障',
    '托育服务',
    ['普惠托育服务体系', '婴幼儿照护服务'],
    ['市卫生健康委员会', '市教育局'],
  ),
  t(
    'society',
    '医疗卫生',
    '基层医疗',
    ['基层医疗卫生服务能力', '社区卫生服务中心建设', '家庭医生签约服务'],
    ['市卫生健康委员会', '市医疗保障局'],
  ),
  t(
    'society',
    '就业',
    '高校毕业生就业',
    ['高校毕业生就业创业', '青年就业见习'],
    ['市人力资源和社会保障局', '市教育局'],
  ),
  t(
    'society',
    '社会保障',
    '灵活就业人员社保',
    ['灵活就业人员社会保障', '新就业形态劳动者权益保障'],
    ['市人力资源和社会保障局', '市医疗保障局'],
  ),
  t(
    'society',
    '住房',
    '保障性住房',
    ['保障性租赁住房建设', '新市民住房保障'],
    ['市住房和城乡建设局', '市住房公积金管理中心'],
  ),
  t(
    'society',
    '城市建设',
    '老旧小区改造',
    ['老旧小区改造', '老旧小区加装电梯'],
    ['市住房和城乡建设局', '市城市管理局'],
  ),
  t(
    'society',
    '民生保障',
    '残疾人就业',
    ['残疾人就业帮扶', '残疾人托养服务'],
    ['同心市残疾人联合会', '市人力资源和社会保障局'],
  ),
  t('society', '教育', '课后服务', ['中小学课后服务', '“双减”背景下课后服务'], ['市教育局', '市财政局']),
  t('society', '教育', '学前教育', ['学前教育普惠发展', '普惠性幼儿园建设'], ['市教育局']),
  t(
    'society',
    '教育',
    '职业教育',
    ['职业教育产教融合', '技能人才培养'],
    ['市教育局', '市人力资源和社会保障局'],
  ),
  t(
    'society',
    '民生保障',
    '食品安全',
    ['校园食品安全监管', '食品安全监管'],
    ['市市场监督管理局', '市教育局'],
  ),
  t(
    'society',
    '城市建设',
    '停车难',
    ['城区停车难问题', '公共停车设施建设'],
    ['市公安局交通警察支队', '市城市管理局', '市住房和城乡建设局'],
  ),
  t('society', '交通', '公共交通', ['城乡公交一体化', '公共交通出行服务'], ['市交通运输局']),
  t(
    'society',
    '医疗卫生',
    '心理健康',
    ['青少年心理健康服务', '社会心理服务体系'],
    ['市卫生健康委员会', '市教育局'],
  ),
  t(
    'society',
    '就业',
    '退役军人就业',
    ['退役军人就业创业', '退役军人服务保障'],
    ['市退役军人事务局', '市人力资源和社会保障局'],
  ),
  t(
    'society',
    '医疗卫生',
    '医保支付',
    ['医保支付方式改革', '异地就医直接结算'],
    ['市医疗保障局', '市卫生健康委员会'],
  ),
  // 经济 economy
  t(
    'economy',
    '营商环境',
    '营商环境',
    ['法治化营商环境', '一流营商环境', '涉企服务'],
    ['市发展和改革委员会', '市行政审批服务管理局', '市市场监督管理局'],
  ),
  t(
    'economy',
    '金融',
    '中小微企业融资',
    ['中小微企业融资难融资贵问题', '普惠金融服务'],
    ['市委金融委员会办公室', '市财政局'],
  ),
  t(
    'economy',
    '数字经济',
    '数字经济',
    ['数字经济高质量发展', '数字产业化和产业数字化'],
    ['市数据局', '市工业和信息化局'],
  ),
  t(
    'economy',
    '工业',
    '制造业转型',
    ['制造业数字化转型', '传统产业转型升级'],
    ['市工业和信息化局', '市科学技术局'],
  ),
  t('economy', '科技', '科技成果转化', ['科技成果转化', '产学研协同创新'], ['市科学技术局', '市教育局']),
  t('economy', '商贸', '夜间经济', ['夜间经济', '消费新场景'], ['市商务局', '市文化和旅游局']),
  t('economy', '三农', '乡村特色产业', ['乡村特色产业发展', '农产品品牌建设'], ['市农业农村局', '市商务局']),
  t('economy', '三农', '高标准农田', ['高标准农田建设', '耕地保护'], ['市农业农村局', '市规划和自然资源局']),
  t(
    'economy',
    '民营经济',
    '民营经济',
    ['民营经济发展壮大', '民营企业权益保护'],
    ['市发展和改革委员会', '市司法局'],
  ),
  t(
    'economy',
    '人才',
    '人才引进',
    ['高层次人才引进', '人才服务保障'],
    ['市委组织部', '市人力资源和社会保障局'],
  ),
  t('economy', '物流', '现代物流', ['现代物流体系', '城乡冷链物流'], ['市交通运输局', '市商务局']),
  t('economy', '国资国企', '国企改革', ['国有企业改革', '国有资产监管'], ['市国有资产监督管理委员会']),
  t(
    'economy',
    '财税',
    '税费优惠',
    ['税费优惠政策落实', '减税降费'],
    ['国家税务总局同心市税务局', '市财政局'],
  ),
  t('economy', '商贸', '农村电商', ['农村电商', '直播电商'], ['市商务局', '市农业农村局']),
  // 政治 politics
  t('politics', '社会治理', '基层治理', ['基层社会治理', '网格化管理'], ['市委政法委', '市民政局']),
  t('politics', '法治', '法治政府', ['法治政府建设', '行政执法规范化'], ['市司法局']),
  t(
    'politics',
    '政务服务',
    '政务服务',
    ['政务服务“一网通办”', '“高效办成一件事”'],
    ['市行政审批服务管理局', '市数据局'],
  ),
  t('politics', '社会治理', '信访工作', ['信访工作法治化', '领导干部接访下访'], ['市信访局']),
  t(
    'politics',
    '社会治理',
    '矛盾纠纷化解',
    ['矛盾纠纷多元化解', '人民调解'],
    ['市委政法委', '市司法局', '市中级人民法院'],
  ),
  t(
    'politics',
    '统战',
    '民族团结',
    ['民族团结进步创建', '铸牢中华民族共同体意识'],
    ['市民族宗教事务局', '市委统战部'],
  ),
  t('politics', '统战', '新阶层统战', ['新的社会阶层人士统战工作'], ['市委统战部']),
  t(
    'politics',
    '安全',
    '网络安全',
    ['网络安全和数据安全', '网络生态治理'],
    ['市委网络安全和信息化委员会办公室'],
  ),
  t('politics', '安全', '应急管理', ['应急管理体系', '基层应急能力'], ['市应急管理局', '同心市消防救援支队']),
  t('politics', '安全', '安全生产', ['安全生产治本攻坚', '危化品安全监管'], ['市应急管理局']),
  t('politics', '法治', '公益诉讼', ['检察公益诉讼', '未成年人司法保护'], ['市人民检察院']),
  // 文化 culture
  t(
    'culture',
    '文化遗产',
    '历史文化街区',
    ['历史文化街区保护利用', '传统村落保护'],
    ['市文化和旅游局', '市规划和自然资源局'],
  ),
  t(
    'culture',
    '文化遗产',
    '非遗传承',
    ['非物质文化遗产保护传承', '非遗进校园'],
    ['市文化和旅游局', '市教育局'],
  ),
  t('culture', '公共文化', '全民阅读', ['全民阅读', '书香城市建设'], ['市委宣传部', '市文化和旅游局']),
  t('culture', '文旅', '文旅融合', ['文旅融合发展', '全域旅游'], ['市文化和旅游局']),
  t('culture', '公共文化', '公共文化服务', ['公共文化服务体系', '城市书房建设'], ['市文化和旅游局']),
  t('culture', '体育', '全民健身', ['全民健身设施', '体育公园建设'], ['市体育局', '市城市管理局']),
  t('culture', '体育', '青少年体育', ['青少年体育', '校园足球'], ['市体育局', '市教育局']),
  t(
    'culture',
    '文化遗产',
    '红色文化',
    ['红色文化资源保护利用', '革命文物保护'],
    ['市委宣传部', '市文化和旅游局'],
  ),
  t(
    'culture',
    '公共文化',
    '乡村文化',
    ['乡村文化振兴', '农村公共文化服务'],
    ['市文化和旅游局', '市农业农村局'],
  ),
  // 生态文明 ecology
  t(
    'ecology',
    '城市管理',
    '垃圾分类',
    ['生活垃圾分类', '建筑垃圾资源化利用'],
    ['市城市管理局', '市生态环境局'],
  ),
  t('ecology', '水环境', '河湖治理', ['河湖长制', '黑臭水体治理'], ['市水务局', '市生态环境局']),
  t(
    'ecology',
    '大气',
    '大气污染防治',
    ['大气污染防治', '扬尘污染治理'],
    ['市生态环境局', '市住房和城乡建设局'],
  ),
  t('ecology', '城市管理', '口袋公园', ['口袋公园建设', '城市绿道'], ['市城市管理局', '市规划和自然资源局']),
  t(
    'ecology',
    '能源',
    '充电设施',
    ['新能源汽车充电设施', '居民小区充电桩'],
    ['市发展和改革委员会', '国网同心供电公司'],
  ),
  t(
    'ecology',
    '乡村',
    '农村人居环境',
    ['农村人居环境整治', '农村生活污水治理'],
    ['市农业农村局', '市住房和城乡建设局'],
  ),
  t('ecology', '水环境', '节水', ['节水型城市建设', '再生水利用'], ['市水务局']),
  t('ecology', '双碳', '碳达峰', ['碳达峰碳中和', '绿色低碳转型'], ['市发展和改革委员会', '市生态环境局']),
  t(
    'ecology',
    '土壤',
    '土壤污染防治',
    ['土壤污染防治', '农业面源污染治理'],
    ['市生态环境局', '市农业农村局'],
  ),
  t('ecology', '城市建设', '海绵城市', ['海绵城市建设', '城市内涝治理'], ['市住房和城乡建设局', '市水务局']),
];

/** Category shares of the generated proposals. */
export const categoryWeights: readonly (readonly [Category, number])[] = [
  ['society', 35],
  ['economy', 28],
  ['ecology', 15],
  ['culture', 12],
  ['politics', 10],
];

const places = ['我市', '我市', '我市', '心湖区', '和阳区', '明德区', '望川区', '城乡', '中心城区'];
const districts = ['心湖区', '和阳区', '明德区', '望川区'];
const verbs = [
  '加快推进',
  '进一步加强',
  '进一步完善',
  '加快构建',
  '持续优化',
  '大力发展',
  '健全',
  '推动',
  '做好',
  '加强和改进',
  '提升',
  '规范',
  '创新',
];
const suffixes = ['的建议', '的建议', '的建议', '的提案', '工作的建议', '的几点建议'];

export function title(rng: Rng, topic: Topic): string {
  const place = rng.chance(0.45) ? rng.pick(places) : '';
  return `关于${rng.pick(verbs)}${place}${rng.pick(topic.titles)}${rng.pick(suffixes)}`.slice(0, 100);
}

const situationBank = [
  '近年来，{P}高度重视{T}工作，先后出台了一系列政策措施，取得了积极成效。',
  '截至{Y}年底，全市共有相关服务机构{N}家，覆盖城乡社区{M}个，年服务群众{K}万人次。',
  '据调研了解，{P}{T}工作总体呈现良好发展态势，但与人民群众的新期待相比仍有一定差距。',
  '{Y}年，全市在{T}方面累计投入资金{F}亿元，同比增长{R}%，一批重点项目建成投用。',
  '在走访调研中，不少群众反映{T}方面存在“看得见、够不着”“用不上、用不好”的问题。',
  '目前，全市{T}相关工作由多个部门分头负责，已初步形成政府主导、部门协同、社会参与的工作格局。',
  '以{D}为例，该区{T}覆盖率已达到{R}%，但周边乡镇仅为{S}%，城乡差距较为明显。',
  '随着经济社会发展和人口结构变化，群众对{T}的需求日益增长，呈现多样化、多层次的特点。',
  '{Y}年以来，市委、市政府把{T}列入民生实事项目，明确了目标任务和责任分工。',
  '从全省来看，{T}工作走在前列的城市普遍建立了专项规划和考核机制，我市在这方面起步较晚。',
  '据有关部门统计，全市{T}领域从业人员约{N}人，其中具有专业资质的仅占{S}%。',
  '今年上半年，我们会同{X}的委员赴{D}、{D2}等地开展专题调研，召开座谈会{M}场，听取意见建议{N}条。',
  '各区结合实际积极探索，{D}推出了“一站式”服务模式，受到群众普遍欢迎。',
  '但总体来看，{T}工作仍处于起步和探索阶段，政策体系、服务供给和保障机制有待完善。',
  '{P}常住人口中，60岁以上老年人口占比已达{R}%，人口老龄化程度持续加深，对公共服务提出了新的要求。',
  '相关政策文件印发后，部分措施落地不够及时，基层反映“政策好、落实难”。',
];

const situationOpeners = [0, 2, 7, 8];
const situationCloser = 13;

const problemHeads = [
  '统筹协调机制不够健全',
  '资金投入渠道单一、总量不足',
  '专业人才队伍短缺',
  '基础设施建设相对滞后',
  '政策落实存在“最后一公里”问题',
  '城乡、区域之间发展不平衡',
  '信息化、数字化水平不高',
  '社会力量参与度不高',
  '监管和评价体系尚不完善',
  '宣传引导不够到位',
  '标准规范不够统一',
  '服务供给与群众需求匹配度不高',
];
const problemBodies = [
  '{T}涉及多个部门，职责交叉、信息不共享，难以形成工作合力。',
  '目前主要依靠财政投入，社会资本参与不足，部分项目建成后运营经费难以保障。',
  '从业人员待遇偏低、职业发展通道不畅，专业人才“招不来、留不住”的问题较为突出。',
  '部分区域设施数量不足、布局不合理，老旧设施更新改造滞后，难以满足群众需要。',
  '一些政策措施宣传解读不够，基层执行标准不一，群众获得感不强。',
  '农村和偏远地区资源配置明显不足，优质资源过度集中在中心城区。',
  '各部门数据标准不一、系统互不联通，“数据孤岛”现象仍然存在，智慧化应用场景较少。',
  '激励政策不够完善，社会组织、企业和志愿者参与{T}的积极性没有充分调动起来。',
  '缺乏科学的绩效评价指标，重建设、轻管理，重投入、轻效果的现象不同程度存在。',
  '部分群众对相关政策了解不多，参与意识和参与能力有待提高。',
  '各区在服务标准、收费标准和质量要求上差异较大，不利于规范管理。',
  '服务内容与群众实际需求存在错位，一些服务项目利用率不高，群众急需的服务供给不足。',
];

const suggestionBank = [
  '健全统筹协调机制。建议由{U}牵头，建立{T}工作联席会议制度，定期研究解决重大问题，明确各部门职责分工，形成工作合力。',
  '加大财政投入力度。建议将{T}经费纳入年度财政预算，建立稳定增长机制，同时通过政府购买服务、以奖代补等方式引导社会资本参与。',
  '加强人才队伍建设。建议完善从业人员薪酬待遇和职称评定办法，与驻市高校、职业院校合作开展订单式培养，每年培训专业人员{N}人次以上。',
  '推进数字化赋能。建议依托市大数据平台，整合各部门数据资源，建设{T}综合服务平台，实现“一网通办、一键响应”。',
  '完善考核评价机制。建议将{T}工作纳入各区和市直部门年度目标考核，引入第三方评估，定期向社会公布评估结果。',
  '强化宣传引导。建议充分利用报纸、电视、新媒体等渠道，加强政策解读和典型宣传，营造全社会共同关心支持{T}的良好氛围。',
  '加快补齐设施短板。建议结合城市更新和乡村建设行动，科学编制{T}专项规划，到{Y2}年实现城乡社区全覆盖。',
  '开展试点示范。建议选择{D}等基础较好的地区先行先试，及时总结推广可复制的经验做法。',
  '完善政策支持体系。建议在用地、税费、金融等方面出台配套支持政策，降低市场主体参与成本。',
  '鼓励社会力量参与。建议培育一批专业化社会组织，支持企业、志愿者参与{T}，构建多元共治格局。',
  '加强监督检查。建议定期开展专项督查，对群众反映强烈的问题建立台账、限时整改、跟踪问效。',
  '注重城乡统筹。建议加大对农村和偏远地区的倾斜支持力度，推动优质资源向基层延伸。',
];

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function fill(rng: Rng, s: string, topic: Topic, unit: string, year: number): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 'T':
        return topic.noun;
      case 'P':
        return rng.pick(places);
      case 'D':
        return rng.pick(districts);
      case 'D2':
        return rng.pick(districts);
      case 'U':
        return unit;
      case 'X':
        return rng.pick(['界别', '专委会', '党派', '委员工作室']);
      case 'Y':
        return String(year - 1);
      case 'Y2':
        return String(year + rng.int(2, 5));
      case 'N':
        return String(rng.int(12, 980));
      case 'M':
        return String(rng.int(3, 60));
      case 'K':
        return String(rng.int(2, 95));
      case 'F':
        return (rng.int(5, 400) / 10).toFixed(1);
      case 'R':
        return String(rng.int(18, 92));
      case 'S':
        return String(rng.int(5, 45));
      default:
        return k;
    }
  });
}

export interface ProposalText {
  situation: string;
  analysis: string;
  suggestions: string;
}

/** 300–3,000 characters over the three sections (most between 600 and 1,800). */
export function proposalText(rng: Rng, topic: Topic, unit: string, year: number): ProposalText {
  const total = Math.min(2_750, Math.round(320 + 2_680 * rng.next() ** 1.8));
  const situationTarget = total * 0.34;
  const analysisTarget = total * 0.3;
  const suggestionsTarget = total - situationTarget - analysisTarget;

  // An opening sentence, facts and findings, and the gap that leads to the analysis.
  let situation = fill(rng, situationBank[rng.pick(situationOpeners)]!, topic, unit, year);
  const middle = rng.shuffle(
    situationBank.filter((_, i) => !situationOpeners.includes(i) && i !== situationCloser),
  );
  for (let i = 0; situation.length < situationTarget - 40; i++) {
    situation += fill(rng, middle[i % middle.length]!, topic, unit, year);
  }
  situation += fill(rng, situationBank[situationCloser]!, topic, unit, year);

  const heads = rng.shuffle(problemHeads.map((h, i) => [h, i] as const));
  let analysis = '';
  for (let i = 0; analysis.length < analysisTarget; i++) {
    const [head, j] = heads[i % heads.length]!;
    const body = fill(rng, problemBodies[j]!, topic, unit, year);
    analysis += `${i > 0 ? '\n' : ''}${numerals[i % numerals.length]}是${head}。${body}`;
  }

  const items = rng.shuffle(suggestionBank);
  let suggestions = '';
  for (let i = 0; suggestions.length < suggestionsTarget; i++) {
    suggestions += `${i > 0 ? '\n' : ''}（${numerals[i % numerals.length]}）${fill(rng, items[i % items.length]!, topic, unit, year)}`;
  }
  return { situation, analysis, suggestions };
}

const replyMeasures = [
  '近年来，我们认真贯彻落实上级决策部署，将{T}作为重点工作，制定了专项工作方案，明确了年度目标任务。',
  '我们会同有关部门深入开展调研，梳理问题清单{N}项，已完成整改{M}项，其余正在推进中。',
  '{Y}年，全市安排{T}专项资金{F}亿元，新建和改造相关设施{M}处，服务覆盖面进一步扩大。',
  '您提出的关于建立联席会议制度的建议，我们已吸纳，并于今年召开了首次联席会议。',
  '针对人才短缺问题，我们联合驻市高校开展专题培训{M}期，培训从业人员{N}人次。',
  '我们依托政务数据共享平台，推动相关数据互联互通，已上线“一站式”服务事项{M}项。',
  '您建议的试点工作，我们已在{D}先行开展，目前运行情况良好，将适时在全市推广。',
  '在政策支持方面，我们已起草相关配套文件，正在广泛征求意见，预计年内出台。',
];
const replyNext = [
  '下一步，我们将认真吸纳您的意见建议，进一步完善政策措施，加大工作力度，推动{T}工作再上新台阶。',
  '下一步，我们将把您的建议纳入明年工作计划，积极争取上级支持，逐步加以解决。',
  '受财力和现有条件限制，您提出的部分建议目前实施尚有困难，我们将作为今后工作的重要参考。',
];

/** A reply letter (答复函): 300–900 characters. */
export function replyBody(
  rng: Rng,
  topic: Topic,
  o: { proposer: string; title: string; unit: string; year: number },
): string {
  const parts = [
    `${o.proposer}：`,
    `您提出的《${o.title}》收悉。${o.unit}高度重视，认真研究办理。现答复如下：`,
  ];
  const n = rng.int(2, 5);
  const measures = rng.shuffle(replyMeasures);
  for (let i = 0; i < n; i++) {
    parts.push(`${numerals[i]}、${fill(rng, measures[i % measures.length]!, topic, o.unit, o.year)}`);
  }
  parts.push(fill(rng, rng.pick(replyNext), topic, o.unit, o.year));
  parts.push(`感谢您对${topic.noun}工作的关心和支持。`, o.unit);
  return parts.join('\n');
}

export function coOpinionBody(rng: Rng, topic: Topic, unit: string, year: number): string {
  return [
    `关于${topic.noun}相关提案的会办意见：`,
    fill(rng, rng.pick(replyMeasures), topic, unit, year),
    `我单位同意主办单位的答复意见，并将按照职责分工配合做好${topic.noun}相关工作。`,
    unit,
  ].join('\n');
}

export const reviewComments = {
  file: ['符合立案标准，建议立案。', '内容具体，建议可行，同意立案。', '同意立案，建议交有关单位办理。'],
  notFile: ['属于学术讨论范畴，不予立案，建议转为社情民意信息。', '内容空泛，缺少具体建议。'],
  merge: ['与同类提案内容相近，建议并案办理。'],
  return: ['请补充具体建议，按“一事一案”要求修改后重新提交。', '情况部分数据需核实，请修改后重新提交。'],
};

export const feedbackComments = [
  '',
  '',
  '承办单位办理态度认真，答复具体。',
  '办理过程中主动沟通，落实情况较好。',
  '希望进一步加大落实力度。',
  '答复未能回应提案的核心建议。',
];
