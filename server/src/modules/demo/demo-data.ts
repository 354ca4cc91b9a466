/**
 * Static lists of the demo committee: a fictional prefecture-level city, 同心市, organised the way the
 * Taiyuan (2025) and Lüliang (2024) reports describe a municipal CPPCC. No real city is named.
 */
import type {
  handlerUnitSystems,
  participatingUnitKinds,
  platformOrgLevels,
  politicalAffiliations,
  sectorKinds,
} from '@tongxin/common/org/enums.ts';

export type Affiliation = (typeof politicalAffiliations)[number];
export type SectorKind = (typeof sectorKinds)[number];
export type UnitKind = (typeof participatingUnitKinds)[number];
export type HandlerSystem = (typeof handlerUnitSystems)[number];
export type OrgLevel = (typeof platformOrgLevels)[number];

export const city = '同心市';
export const defaultCommitteeName = '政协同心市委员会';

// ── Districts and counties ─────────────────────────────────────────────────────────────────────────

export interface District {
  /** 心湖区 … */
  name: string;
  /** What a liaison group calls it: 高新区 for the development zone. */
  short: string;
  /** The county-level CPPCC, whose chair is a municipal member and runs the liaison group. */
  cppcc: string | null;
  /** How many members live or work there, relative. */
  weight: number;
  towns: readonly string[];
  /** Communities and villages, each `town/place`. */
  places: readonly string[];
  /** Development zones have no CPPCC; work units named after a district use the host district. */
  host?: string;
}

export const districts: readonly District[] = [
  {
    name: '心湖区',
    short: '心湖区',
    cppcc: '政协同心市心湖区委员会',
    weight: 5,
    towns: ['湖滨街道', '府前街道', '南关街道', '鼓楼街道', '文昌街道'],
    places: [
      '湖滨街道/湖滨社区',
      '南关街道/南关社区',
      '鼓楼街道/钟楼社区',
      '文昌街道/文昌社区',
      '府前街道/柳巷社区',
    ],
  },
  {
    name: '和阳区',
    short: '和阳区',
    cppcc: '政协同心市和阳区委员会',
    weight: 4,
    towns: ['和平街道', '新华街道', '东郊街道', '朝阳街道'],
    places: ['新华街道/新华社区', '朝阳街道/朝阳社区', '东郊街道/东郊村', '和平街道/和平里社区'],
  },
  {
    name: '明德区',
    short: '明德区',
    cppcc: '政协同心市明德区委员会',
    weight: 4,
    towns: ['明德街道', '书院街道', '桥东街道', '北营街道'],
    places: ['书院街道/学府社区', '桥东街道/桥东社区', '北营街道/北营社区', '明德街道/明德里社区'],
  },
  {
    name: '望川区',
    short: '望川区',
    cppcc: '政协同心市望川区委员会',
    weight: 2.5,
    towns: ['望川街道', '河西街道', '川口镇', '马庄镇'],
    places: ['河西街道/河西社区', '川口镇/川口村', '马庄镇/王家峪村', '马庄镇/马庄村'],
  },
  {
    name: '北苑区',
    short: '北苑区',
    cppcc: '政协同心市北苑区委员会',
    weight: 2.5,
    towns: ['北苑街道', '建设街道', '铁路街道', '新城镇'],
    places: ['建设街道/建设社区', '铁路街道/铁路新村社区', '新城镇/新城村', '北苑街道/北苑社区'],
  },
  {
    name: '桐溪县',
    short: '桐溪县',
    cppcc: '政协桐溪县委员会',
    weight: 1.6,
    towns: ['桐溪镇', '石桥镇', '双河镇', '杏花乡'],
    places: ['石桥镇/石桥村', '双河镇/双河村', '杏花乡/杏花村', '桐溪镇/东沟村'],
  },
  {
    name: '青岚县',
    short: '青岚县',
    cppcc: '政协青岚县委员会',
    weight: 1.2,
    towns: ['青岚镇', '岚山镇', '马坊乡', '东社乡'],
    places: ['岚山镇/岚山村', '马坊乡/南庄村', '东社乡/东社村', '青岚镇/西关社区'],
  },
  {
    name: '柳川县',
    short: '柳川县',
    cppcc: '政协柳川县委员会',
    weight: 1.1,
    towns: ['柳川镇', '南沟镇', '枣园乡'],
    places: ['南沟镇/柳湾村', '枣园乡/枣园村', '柳川镇/城关社区'],
  },
  {
    name: '云峰县',
    short: '云峰县',
    cppcc: '政协云峰县委员会',
    weight: 1.1,
    towns: ['云峰镇', '古寨镇', '白水乡'],
    places: ['古寨镇/古寨村', '白水乡/龙门村', '云峰镇/南街社区'],
  },
  {
    name: '古渡市',
    short: '古渡市',
    cppcc: '政协古渡市委员会',
    weight: 1.6,
    towns: ['古渡街道', '码头镇', '西湾镇', '桃花镇'],
    places: ['古渡街道/老街社区', '码头镇/码头社区', '西湾镇/西湾村', '桃花镇/桃花村'],
  },
  {
    name: '同心高新技术产业开发区',
    short: '高新区',
    cppcc: null,
    weight: 1.2,
    towns: ['创新街道'],
    places: ['创新街道/创新社区'],
    host: '明德区',
  },
  {
    name: '同心经济技术开发区',
    short: '经开区',
    cppcc: null,
    weight: 1,
    towns: ['工业园街道'],
    places: ['工业园街道/滨河社区'],
    host: '北苑区',
  },
];

// ── Participating units (参加单位) ─────────────────────────────────────────────────────────────────────

export interface UnitSpec {
  name: string;
  kind: UnitKind;
  sealRequired: boolean;
}

export const unitNames = {
  cpc: '中国共产党同心市委员会',
  rcckmt: '民革同心市委员会',
  cdl: '民盟同心市委员会',
  cndca: '民建同心市委员会',
  capd: '民进同心市委员会',
  pwdp: '农工党同心市委员会',
  zhigong: '致公党同心市委员会',
  jiusan: '九三学社同心市委员会',
  fic: '同心市工商业联合会',
  nonParty: '无党派人士',
  youth: '共青团同心市委员会',
  unions: '同心市总工会',
  women: '同心市妇女联合会',
  science: '同心市科学技术协会',
  taiwan: '同心市台湾同胞联谊会',
  overseas: '同心市归国华侨联合会',
} as const;

export const participatingUnits: readonly UnitSpec[] = [
  { name: unitNames.cpc, kind: 'cpc', sealRequired: true },
  { name: unitNames.rcckmt, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.cdl, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.cndca, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.capd, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.pwdp, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.zhigong, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.jiusan, kind: 'democratic_party', sealRequired: true },
  { name: unitNames.fic, kind: 'federation_ic', sealRequired: true },
  // Non-party personages have no organisation and so no seal.
  { name: unitNames.nonParty, kind: 'non_party', sealRequired: false },
  { name: unitNames.youth, kind: 'people_org', sealRequired: true },
  { name: unitNames.unions, kind: 'people_org', sealRequired: true },
  { name: unitNames.women, kind: 'people_org', sealRequired: true },
  { name: unitNames.science, kind: 'people_org', sealRequired: true },
  { name: unitNames.taiwan, kind: 'people_org', sealRequired: true },
  { name: unitNames.overseas, kind: 'people_org', sealRequired: true },
];

/** The city committee of each democratic party, by affiliation. */
export const partyUnitOf: Partial<Record<Affiliation, string>> = {
  rcckmt: unitNames.rcckmt,
  cdl: unitNames.cdl,
  cndca: unitNames.cndca,
  capd: unitNames.capd,
  pwdp: unitNames.pwdp,
  zhigong: unitNames.zhigong,
  jiusan: unitNames.jiusan,
};

// ── Special committees (专委会) ───────────────────────────────────────────────────────────────────────

export type CommitteeKey =
  | 'proposals'
  | 'economy'
  | 'agriculture'
  | 'environment'
  | 'ests'
  | 'social'
  | 'culture'
  | 'ethnic';

export const specialCommittees: readonly { key: CommitteeKey; name: string }[] = [
  { key: 'proposals', name: '提案委员会' },
  { key: 'economy', name: '经济委员会' },
  { key: 'agriculture', name: '农业和农村委员会' },
  { key: 'environment', name: '人口资源环境委员会' },
  { key: 'ests', name: '教育科技卫生体育委员会' },
  { key: 'social', name: '社会和法制委员会' },
  { key: 'culture', name: '文化文史和学习委员会' },
  { key: 'ethnic', name: '民族宗教和港澳台侨外事委员会' },
];

// ── Sectors (界别) and the posts their members hold ───────────────────────────────────────────────────

/**
 * A member's work unit and title. `|` separates alternatives (one is picked for each member); in the unit
 * `{d}` is the member's district or county, `{t}` a township there, `{v}` a village or community there,
 * `{b}` a company brand.
 */
export interface Post {
  unit: string;
  title: string;
  /** Affiliation the post implies (officials are CPC members, clergy are not). */
  aff?: Affiliation;
  eth?: string;
  gender?: 'male' | 'female';
  /** Buddhist clergy: the name is a dharma name 释某某. */
  monk?: boolean;
  /** A village post: the member lives in a district or county with villages. */
  rural?: boolean;
}

const p = (unit: string, title: string, extra: Omit<Post, 'unit' | 'title'> = {}): Post => ({
  unit,
  title,
  ...extra,
});

export interface SectorSpec {
  code: string;
  name: string;
  kind: SectorKind;
  /** Share of the ~300 members. */
  weight: number;
  /** Party sectors: every member's affiliation. */
  affiliation?: Affiliation;
  /** Party and people's-organisation sectors: the participating unit that nominates the members. */
  unit?: string;
  /** Mixed sectors: affiliations by weight. */
  mix?: readonly (readonly [Affiliation, number])[];
  femaleShare: number;
  /** Share of members of an ethnic minority. */
  minority: number;
  birthYears: readonly [number, number];
  committees: readonly CommitteeKey[];
  /** Posts of the sector's leading members (主委, 主席 …), handed to its first ordinary members. */
  heads: readonly Post[];
  posts: readonly Post[];
}

const cpcMix = [
  ['cpc', 60],
  ['masses', 35],
  ['non_party', 5],
] as const;

/** Professional sectors: CPC members, people without a party, and democratic-party members. */
function professionalMix(bias: Affiliation): readonly (readonly [Affiliation, number])[] {
  const base: [Affiliation, number][] = [
    ['cpc', 44],
    ['masses', 20],
    ['non_party', 8],
    ['rcckmt', 3],
    ['cdl', 4],
    ['cndca', 4],
    ['capd', 3],
    ['pwdp', 3],
    ['zhigong', 2],
    ['jiusan', 3],
  ];
  return base.map(([a, w]) => [a, a === bias ? w + 8 : w] as const);
}

const hospitals =
  '同心市第一人民医院|同心市第二人民医院|同心市中心医院|同心市中医医院|同心医学院附属医院|同心市第三人民医院|{d}人民医院';
const doctor =
  '副院长、主任医师|主任医师|心血管内科主任、主任医师|骨科主任、主任医师|副主任医师|儿科主任、主任医师';
const universities = '同心大学|同心师范学院|同心理工学院|同心医学院';
const professor = '教授|教授、博士生导师|副教授|学院院长、教授|副校长、教授';
const schools =
  '同心市第一中学|同心市第五中学|同心市实验中学|同心市外国语学校|同心市第十中学|{d}第一中学|同心市第二中学';
const companies = '同心{b}实业有限公司|同心{b}集团有限公司|同心{b}建设工程有限公司|同心{b}商贸有限公司';
const boss = '董事长|董事长、总经理|总经理|执行董事';

export const sectors: readonly SectorSpec[] = [
  {
    code: '01',
    name: '中国共产党',
    kind: 'party',
    weight: 32,
    affiliation: 'cpc',
    unit: unitNames.cpc,
    femaleShare: 0.2,
    minority: 0.03,
    birthYears: [1964, 1978],
    committees: ['proposals', 'economy', 'social', 'agriculture', 'environment'],
    heads: [],
    posts: [
      p('中共同心市委统战部', '副部长'),
      p('中共同心市委政策研究室', '副主任'),
      p('同心市发展和改革委员会', '党组成员、副主任'),
      p('同心市财政局', '党组成员、副局长'),
      p('同心市人民政府研究室', '副主任'),
      p('同心大学', '党委副书记'),
      p('中共{d}委员会', '常委、统战部部长'),
      p('同心市国有资产监督管理委员会', '副主任'),
    ],
  },
  {
    code: '02',
    name: '中国国民党革命委员会',
    kind: 'party',
    weight: 9,
    affiliation: 'rcckmt',
    unit: unitNames.rcckmt,
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1964, 1986],
    committees: ['social', 'ethnic', 'proposals'],
    heads: [p(unitNames.rcckmt, '主委'), p(unitNames.rcckmt, '专职副主委')],
    posts: [
      p('同心{b}律师事务所', '主任律师|合伙人律师|律师'),
      p('同心市中级人民法院', '审判员|审判委员会委员'),
      p('同心大学法学院', '教授|副教授'),
      p(companies, boss),
      p('同心市司法局', '副局长'),
      p('同心市公证处', '公证员'),
    ],
  },
  {
    code: '03',
    name: '中国民主同盟',
    kind: 'party',
    weight: 12,
    affiliation: 'cdl',
    unit: unitNames.cdl,
    femaleShare: 0.4,
    minority: 0.03,
    birthYears: [1963, 1986],
    committees: ['ests', 'culture', 'proposals'],
    heads: [p(unitNames.cdl, '专职副主委'), p(unitNames.cdl, '副主委')],
    posts: [
      p(universities, professor),
      p(schools, '副校长、正高级教师|高级教师|教务处主任'),
      p('同心市图书馆|同心市博物馆', '副馆长|研究馆员'),
      p('同心市教育局', '副局长'),
      p(hospitals, doctor),
    ],
  },
  {
    code: '04',
    name: '中国民主建国会',
    kind: 'party',
    weight: 11,
    affiliation: 'cndca',
    unit: unitNames.cndca,
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1963, 1985],
    committees: ['economy', 'proposals'],
    heads: [p(unitNames.cndca, '专职副主委')],
    posts: [
      p(companies, boss),
      p('同心{b}会计师事务所', '所长、注册会计师|注册会计师'),
      p('中国银行同心分行|同心农村商业银行股份有限公司', '副行长|公司业务部总经理'),
      p('同心市统计局|同心市市场监督管理局', '副局长'),
      p('同心{b}食品有限公司|同心{b}物流有限公司', boss),
    ],
  },
  {
    code: '05',
    name: '中国民主促进会',
    kind: 'party',
    weight: 10,
    affiliation: 'capd',
    unit: unitNames.capd,
    femaleShare: 0.45,
    minority: 0.03,
    birthYears: [1963, 1986],
    committees: ['ests', 'culture'],
    heads: [p(unitNames.capd, '主委'), p(unitNames.capd, '专职副主委')],
    posts: [
      p('同心市实验小学|{d}实验小学|同心市第三小学', '校长|副校长|高级教师'),
      p(schools, '校长|副校长、高级教师'),
      p('同心日报社', '副总编辑|编辑部主任'),
      p('同心市教育科学研究院', '副院长|教研员'),
      p('同心市新华书店有限公司', '总经理'),
      p('同心市文化馆', '馆长|副研究馆员'),
    ],
  },
  {
    code: '06',
    name: '中国农工民主党',
    kind: 'party',
    weight: 9,
    affiliation: 'pwdp',
    unit: unitNames.pwdp,
    femaleShare: 0.4,
    minority: 0.03,
    birthYears: [1963, 1986],
    committees: ['ests', 'environment', 'social'],
    heads: [p(unitNames.pwdp, '主委'), p(unitNames.pwdp, '专职副主委')],
    posts: [
      p(hospitals, doctor),
      p(hospitals, doctor),
      p('同心市疾病预防控制中心', '副主任|主任医师'),
      p('同心市生态环境局', '副局长'),
      p('同心{b}医药有限公司', boss),
    ],
  },
  {
    code: '07',
    name: '中国致公党',
    kind: 'party',
    weight: 6,
    affiliation: 'zhigong',
    unit: unitNames.zhigong,
    femaleShare: 0.35,
    minority: 0.03,
    birthYears: [1965, 1987],
    committees: ['ethnic', 'economy', 'ests'],
    heads: [p(unitNames.zhigong, '主委'), p(unitNames.zhigong, '专职副主委')],
    posts: [
      p('同心{b}科技有限公司|同心{b}进出口贸易有限公司', boss),
      p(universities, professor),
      p(hospitals, doctor),
      p('同心市商务局', '副局长'),
    ],
  },
  {
    code: '08',
    name: '九三学社',
    kind: 'party',
    weight: 9,
    affiliation: 'jiusan',
    unit: unitNames.jiusan,
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1963, 1986],
    committees: ['environment', 'ests', 'proposals'],
    heads: [p(unitNames.jiusan, '主委'), p(unitNames.jiusan, '专职副主委')],
    posts: [
      p('同心理工学院|同心大学', '教授|研究员|副教授、硕士生导师'),
      p('同心市农业科学研究院', '研究员|副院长、研究员'),
      p('同心市生态环境监测中心', '高级工程师|副主任、正高级工程师'),
      p(hospitals, doctor),
      p('同心{b}新材料科技有限公司', '总工程师|董事长'),
    ],
  },
  {
    code: '09',
    name: '无党派人士',
    kind: 'non_party',
    weight: 8,
    affiliation: 'non_party',
    unit: unitNames.nonParty,
    femaleShare: 0.35,
    minority: 0.03,
    birthYears: [1963, 1985],
    committees: ['proposals', 'ests', 'economy'],
    heads: [],
    posts: [
      p(universities, professor),
      p(hospitals, doctor),
      p('同心市规划设计研究院', '院长、正高级工程师|总规划师'),
      p('同心{b}律师事务所', '主任律师'),
      p('同心市科学技术局|同心市文化和旅游局', '副局长'),
    ],
  },
  {
    code: '10',
    name: '共青团和青联',
    kind: 'people_org',
    weight: 7,
    unit: unitNames.youth,
    mix: cpcMix,
    femaleShare: 0.4,
    minority: 0.04,
    birthYears: [1984, 1990],
    committees: ['social', 'economy'],
    heads: [p(unitNames.youth, '书记', { aff: 'cpc' })],
    posts: [
      p('同心市青年联合会', '副主席'),
      p('同心{b}电子商务有限公司|同心{b}文化传媒有限公司', '总经理|创始人'),
      p('{d}{t}{v}', '党支部书记|党支部书记、村委会主任', { aff: 'cpc', rural: true }),
      p('同心大学', '团委书记', { aff: 'cpc' }),
      p('同心市青少年宫', '主任'),
    ],
  },
  {
    code: '11',
    name: '总工会',
    kind: 'people_org',
    weight: 8,
    unit: unitNames.unions,
    mix: cpcMix,
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1966, 1988],
    committees: ['social', 'economy'],
    heads: [p(unitNames.unions, '党组书记、常务副主席', { aff: 'cpc' })],
    posts: [
      p(
        '同心钢铁集团有限公司|同心重型机械集团有限公司|同心公共交通集团有限公司',
        '高级技师|首席技师|工会主席|车间主任',
      ),
      p('同心市总工会', '副主席', { aff: 'cpc' }),
      p('同心{b}物流有限公司', '工会主席|快递员'),
      p('同心市第一人民医院', '护理部主任、主任护师', { gender: 'female' }),
    ],
  },
  {
    code: '12',
    name: '妇联',
    kind: 'people_org',
    weight: 8,
    unit: unitNames.women,
    mix: cpcMix,
    femaleShare: 0.92,
    minority: 0.04,
    birthYears: [1964, 1988],
    committees: ['social'],
    heads: [p(unitNames.women, '党组书记、主席', { aff: 'cpc', gender: 'female' })],
    posts: [
      p('同心市女企业家协会', '会长|副会长', { gender: 'female' }),
      p('{d}妇女联合会', '主席', { aff: 'cpc' }),
      p('同心市妇幼保健院', '院长|主任医师'),
      p('同心{b}家政服务有限公司|同心{b}服饰有限公司', boss),
      p('同心市机关幼儿园|{d}第一幼儿园', '园长'),
    ],
  },
  {
    code: '13',
    name: '工商联',
    kind: 'people_org',
    weight: 14,
    unit: unitNames.fic,
    mix: [
      ['cpc', 35],
      ['masses', 55],
      ['non_party', 10],
    ],
    femaleShare: 0.2,
    minority: 0.03,
    birthYears: [1963, 1988],
    committees: ['economy', 'proposals', 'agriculture'],
    heads: [
      p(unitNames.fic, '主席', { aff: 'masses' }),
      p(unitNames.fic, '党组书记、常务副主席', { aff: 'cpc' }),
    ],
    posts: [
      p(companies, boss),
      p('同心{b}房地产开发有限公司|同心{b}煤化工有限公司|同心{b}酒业有限公司', boss),
      p('同心{b}农牧发展有限公司', boss),
      p('同心市餐饮行业协会|同心市物流行业协会', '会长'),
    ],
  },
  {
    code: '14',
    name: '科协',
    kind: 'people_org',
    weight: 7,
    unit: unitNames.science,
    mix: cpcMix,
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1964, 1986],
    committees: ['ests', 'environment'],
    heads: [p(unitNames.science, '党组书记、常务副主席', { aff: 'cpc' })],
    posts: [
      p('同心市医学会|同心市农学会|同心市计算机学会', '副会长|秘书长'),
      p('同心市科技馆', '馆长'),
      p('同心{b}信息技术有限公司', '总工程师|董事长'),
      p('同心市农业科学研究院', '研究员'),
    ],
  },
  {
    code: '15',
    name: '台联',
    kind: 'people_org',
    weight: 4,
    unit: unitNames.taiwan,
    mix: [
      ['cpc', 30],
      ['masses', 60],
      ['non_party', 10],
    ],
    femaleShare: 0.35,
    minority: 0.03,
    birthYears: [1962, 1984],
    committees: ['ethnic'],
    heads: [p(unitNames.taiwan, '会长')],
    posts: [
      p('同心市台资企业协会', '会长|秘书长'),
      p('同心{b}食品有限公司', '总经理'),
      p(schools, '高级教师'),
    ],
  },
  {
    code: '16',
    name: '侨联',
    kind: 'people_org',
    weight: 5,
    unit: unitNames.overseas,
    mix: cpcMix,
    femaleShare: 0.35,
    minority: 0.03,
    birthYears: [1963, 1986],
    committees: ['ethnic', 'ests'],
    heads: [p(unitNames.overseas, '党组书记、主席', { aff: 'cpc' })],
    posts: [
      p(universities, '教授|特聘教授'),
      p('同心{b}生物科技有限公司', '董事长'),
      p('同心市归国留学人员联谊会', '副会长'),
      p(hospitals, doctor),
    ],
  },
  {
    code: '17',
    name: '文化艺术',
    kind: 'professional',
    weight: 12,
    mix: professionalMix('cdl'),
    femaleShare: 0.4,
    minority: 0.05,
    birthYears: [1962, 1988],
    committees: ['culture'],
    heads: [],
    posts: [
      p('同心市文学艺术界联合会', '副主席|秘书长'),
      p('同心市歌舞剧院|同心市梆子剧团', '团长、国家一级演员|国家一级演员|国家二级演员'),
      p('同心市书法家协会|同心市美术家协会|同心市作家协会', '主席|副主席'),
      p('同心市博物馆', '馆长、研究馆员|研究馆员'),
      p('同心市非物质文化遗产保护中心', '主任|副研究馆员'),
      p('同心{b}文化传媒有限公司', boss),
    ],
  },
  {
    code: '18',
    name: '科学技术',
    kind: 'professional',
    weight: 11,
    mix: professionalMix('jiusan'),
    femaleShare: 0.3,
    minority: 0.03,
    birthYears: [1964, 1988],
    committees: ['ests', 'environment', 'economy'],
    heads: [],
    posts: [
      p('同心市科学技术研究院|同心市农业科学研究院', '研究员|副院长、研究员'),
      p('同心{b}新材料科技股份有限公司|同心{b}智能装备有限公司', '总工程师|董事长|技术总监'),
      p('同心理工学院', '教授、博士生导师|副教授'),
      p('同心高新技术产业开发区管委会', '副主任', { aff: 'cpc' }),
      p('同心市科学技术局', '副局长', { aff: 'cpc' }),
    ],
  },
  {
    code: '19',
    name: '经济',
    kind: 'professional',
    weight: 17,
    mix: professionalMix('cndca'),
    femaleShare: 0.25,
    minority: 0.03,
    birthYears: [1963, 1987],
    committees: ['economy', 'proposals'],
    heads: [],
    posts: [
      p(
        '中国工商银行同心分行|中国建设银行同心分行|中国农业银行同心分行|同心农村商业银行股份有限公司',
        '行长|副行长',
      ),
      p(
        '同心城市建设投资集团有限公司|同心能源集团有限公司|同心文化旅游投资集团有限公司',
        '董事长|总经理|副总经理',
        { aff: 'cpc' },
      ),
      p(companies, boss),
      p('同心市统计局|同心市商务局|同心市工业和信息化局', '副局长', { aff: 'cpc' }),
      p('同心{b}会计师事务所|同心{b}资产评估有限公司', '所长|总经理'),
    ],
  },
  {
    code: '20',
    name: '农业',
    kind: 'professional',
    weight: 13,
    mix: professionalMix('jiusan'),
    femaleShare: 0.2,
    minority: 0.03,
    birthYears: [1963, 1988],
    committees: ['agriculture', 'environment'],
    heads: [],
    posts: [
      p('{d}{t}{v}', '党支部书记、村委会主任|党支部书记', { aff: 'cpc', rural: true }),
      p('同心市农业科学研究院', '研究员|副院长'),
      p('同心{b}农牧发展有限公司|同心{b}种业有限公司|同心{b}果业有限公司', boss),
      p('{d}{b}种植专业合作社|{d}{b}养殖专业合作社', '理事长'),
      p('{d}农业农村局', '局长|副局长', { aff: 'cpc' }),
      p('同心市农业技术推广中心', '推广研究员'),
    ],
  },
  {
    code: '21',
    name: '教育',
    kind: 'professional',
    weight: 15,
    mix: professionalMix('capd'),
    femaleShare: 0.45,
    minority: 0.03,
    birthYears: [1963, 1988],
    committees: ['ests'],
    heads: [],
    posts: [
      p(universities, professor),
      p(schools, '校长|副校长|高级教师|特级教师'),
      p('同心市实验小学|{d}实验小学|同心市育才小学', '校长|高级教师'),
      p('同心职业技术学院', '院长|副院长|教授'),
      p('同心市特殊教育学校', '校长'),
      p('同心市机关幼儿园', '园长'),
    ],
  },
  {
    code: '22',
    name: '体育',
    kind: 'professional',
    weight: 5,
    mix: professionalMix('capd'),
    femaleShare: 0.35,
    minority: 0.03,
    birthYears: [1966, 1990],
    committees: ['ests', 'culture'],
    heads: [],
    posts: [
      p('同心市体育运动学校', '校长|高级教练'),
      p('同心市体育中心', '主任'),
      p('同心市足球协会|同心市武术协会', '副主席|主席'),
      p('同心市体育局', '副局长', { aff: 'cpc' }),
    ],
  },
  {
    code: '23',
    name: '新闻出版',
    kind: 'professional',
    weight: 6,
    mix: professionalMix('capd'),
    femaleShare: 0.45,
    minority: 0.03,
    birthYears: [1964, 1988],
    committees: ['culture'],
    heads: [],
    posts: [
      p('同心日报社', '社长、总编辑|副总编辑|首席记者', { aff: 'cpc' }),
      p('同心广播电视台', '台长|副台长|节目主持人'),
      p('{d}融媒体中心', '主任'),
      p('同心市新华书店有限公司', '副总经理'),
    ],
  },
  {
    code: '24',
    name: '医药卫生',
    kind: 'professional',
    weight: 15,
    mix: professionalMix('pwdp'),
    femaleShare: 0.45,
    minority: 0.03,
    birthYears: [1963, 1987],
    committees: ['ests', 'social'],
    heads: [],
    posts: [
      p(hospitals, doctor),
      p(hospitals, '院长|党委书记', { aff: 'cpc' }),
      p('同心市疾病预防控制中心', '主任|副主任'),
      p('同心市中医医院', '院长、主任中医师|主任中医师'),
      p('同心{b}医药有限公司|同心{b}制药股份有限公司', boss),
      p('同心市卫生健康委员会', '副主任', { aff: 'cpc' }),
    ],
  },
  {
    code: '25',
    name: '社会福利和社会保障',
    kind: 'professional',
    weight: 8,
    mix: professionalMix('cdl'),
    femaleShare: 0.45,
    minority: 0.03,
    birthYears: [1963, 1987],
    committees: ['social'],
    heads: [],
    posts: [
      p('同心市慈善总会', '会长|常务副会长'),
      p('同心市残疾人联合会', '理事长|副理事长', { aff: 'cpc' }),
      p('同心市社会福利院|同心市儿童福利院', '院长'),
      p('同心{b}养老服务有限公司', '总经理'),
      p('同心市人力资源和社会保障局|同心市医疗保障局', '副局长', { aff: 'cpc' }),
      p('同心市红十字会', '常务副会长'),
    ],
  },
  {
    code: '26',
    name: '少数民族',
    kind: 'professional',
    weight: 6,
    mix: [
      ['cpc', 50],
      ['masses', 40],
      ['non_party', 5],
      ['cdl', 5],
    ],
    femaleShare: 0.35,
    minority: 1,
    birthYears: [1964, 1988],
    committees: ['ethnic'],
    heads: [],
    posts: [
      p('同心市民族宗教事务局', '副局长', { aff: 'cpc' }),
      p('同心市回民中学', '校长', { eth: '回族' }),
      p('同心{b}清真食品有限公司', '董事长', { eth: '回族' }),
      p('同心大学', '教授'),
      p(hospitals, doctor),
    ],
  },
  {
    code: '27',
    name: '宗教',
    kind: 'professional',
    weight: 7,
    mix: [['masses', 1]],
    femaleShare: 0.15,
    minority: 0,
    birthYears: [1962, 1985],
    committees: ['ethnic'],
    heads: [],
    posts: [
      p('同心市佛教协会', '会长|副会长', { monk: true }),
      p('同心市伊斯兰教协会', '会长|副会长', { eth: '回族', gender: 'male' }),
      p('同心市天主教爱国会', '主任', { gender: 'male' }),
      p('同心市基督教三自爱国运动委员会', '主席|副主席'),
      p('同心市道教协会', '会长', { gender: 'male' }),
    ],
  },
  {
    code: '28',
    name: '特邀',
    kind: 'special_invite',
    weight: 26,
    mix: [
      ['cpc', 70],
      ['masses', 20],
      ['non_party', 10],
    ],
    femaleShare: 0.25,
    minority: 0.04,
    birthYears: [1962, 1982],
    committees: ['social', 'proposals', 'economy', 'culture'],
    heads: [],
    posts: [
      p('同心市人民代表大会常务委员会', '原副主任|原副秘书长', { aff: 'cpc' }),
      p('中共同心市委', '原副秘书长', { aff: 'cpc' }),
      p('同心市中级人民法院', '副院长', { aff: 'cpc' }),
      p('同心市人民检察院', '副检察长', { aff: 'cpc' }),
      p('同心市公安局', '副局长', { aff: 'cpc' }),
      p('{d}人民政府', '副{dl}长', { aff: 'cpc' }),
      p('香港同心联谊会|澳门同心同乡会', '会长|副会长', { aff: 'masses' }),
      p('同心军分区', '原副司令员|原副政治委员', { aff: 'cpc', gender: 'male' }),
      p('同心{b}律师事务所', '主任律师'),
    ],
  },
];

export const brands = [
  '恒泰',
  '鑫源',
  '华晟',
  '瑞丰',
  '宏达',
  '金鼎',
  '天元',
  '鼎盛',
  '德润',
  '永昌',
  '同创',
  '汇通',
  '晟达',
  '和信',
  '博远',
  '康泰',
  '祥和',
  '金诺',
  '益民',
  '乐源',
  '正阳',
  '润通',
  '嘉禾',
  '安泰',
] as const;

export const minorityEthnicities: readonly (readonly [string, number])[] = [
  ['回族', 50],
  ['满族', 25],
  ['蒙古族', 20],
  ['朝鲜族', 3],
  ['土家族', 2],
];

// ── Handler units (承办单位) ────────────────────────────────────────────────────────────────────────

export interface HandlerUnitSpec {
  name: string;
  shortName: string | null;
  system: HandlerSystem;
  leaderTitle: string;
  /** Name of the parent unit, for a subordinate body. */
  parent?: string;
}

const h = (
  name: string,
  shortName: string | null,
  system: HandlerSystem,
  leaderTitle: string,
  parent?: string,
) => ({ name, shortName, system, leaderTitle, ...(parent ? { parent } : {}) }) as HandlerUnitSpec;

export const handlerUnits: readonly HandlerUnitSpec[] = [
  h('市委组织部', null, 'party', '副部长'),
  h('市委宣传部', null, 'party', '副部长'),
  h('市委统战部', null, 'party', '副部长'),
  h('市委政法委', null, 'party', '副书记'),
  h('市委网络安全和信息化委员会办公室', '市委网信办', 'party', '副主任'),
  h('市委机构编制委员会办公室', '市委编办', 'party', '副主任'),
  h('市委金融委员会办公室', '市委金融办', 'party', '副主任'),
  h('市发展和改革委员会', '市发改委', 'government', '副主任'),
  h('市教育局', null, 'government', '副局长'),
  h('市科学技术局', '市科技局', 'government', '副局长'),
  h('市工业和信息化局', '市工信局', 'government', '副局长'),
  h('市公安局', null, 'government', '副局长'),
  h('市公安局交通警察支队', '市交警支队', 'government', '副支队长', '市公安局'),
  h('市民政局', null, 'government', '副局长'),
  h('市司法局', null, 'government', '副局长'),
  h('市财政局', null, 'government', '副局长'),
  h('市人力资源和社会保障局', '市人社局', 'government', '副局长'),
  h('市规划和自然资源局', '市规划和自然资源局', 'government', '副局长'),
  h('市生态环境局', null, 'government', '副局长'),
  h('市住房和城乡建设局', '市住建局', 'government', '副局长'),
  h('市城市管理局', '市城管局', 'government', '副局长'),
  h('市交通运输局', '市交通局', 'government', '副局长'),
  h('市水务局', null, 'government', '副局长'),
  h('市农业农村局', null, 'government', '副局长'),
  h('市商务局', null, 'government', '副局长'),
  h('市文化和旅游局', '市文旅局', 'government', '副局长'),
  h('市卫生健康委员会', '市卫健委', 'government', '副主任'),
  h('市退役军人事务局', '市退役军人局', 'government', '副局长'),
  h('市应急管理局', '市应急局', 'government', '副局长'),
  h('市审计局', null, 'government', '副局长'),
  h('市国有资产监督管理委员会', '市国资委', 'government', '副主任'),
  h('市市场监督管理局', '市市场监管局', 'government', '副局长'),
  h('市体育局', null, 'government', '副局长'),
  h('市统计局', null, 'government', '副局长'),
  h('市医疗保障局', '市医保局', 'government', '副局长'),
  h('市行政审批服务管理局', '市审批局', 'government', '副局长'),
  h('市数据局', null, 'government', '副局长'),
  h('市民族宗教事务局', '市民宗局', 'government', '副局长'),
  h('市信访局', null, 'government', '副局长'),
  h('市住房公积金管理中心', '市公积金中心', 'government', '副主任'),
  h('市中级人民法院', '市中院', 'court_procuratorate', '副院长'),
  h('市人民检察院', '市检察院', 'court_procuratorate', '副检察长'),
  h('国家税务总局同心市税务局', '市税务局', 'other', '副局长'),
  h('国网同心供电公司', '同心供电公司', 'other', '副总经理'),
  h('同心市消防救援支队', '市消防救援支队', 'other', '副支队长'),
  h('同心市残疾人联合会', '市残联', 'other', '副理事长'),
];

export const supervisionOffices: readonly { name: string; system: 'party' | 'government' }[] = [
  { name: '中共同心市委督查室', system: 'party' },
  { name: '同心市人民政府督查室', system: 'government' },
];

// ── Platforms (联络组 / 委员工作室 / 协商平台) ─────────────────────────────────────────────────────────

export interface StudioSpec {
  name: string;
  orgLevel: OrgLevel;
  district: string;
  /** The sector its members come from. */
  sector: string;
  theme: string;
  location: string;
  openedAt: string;
}

export const memberStudios: readonly StudioSpec[] = [
  {
    name: '心湖区湖滨街道医药卫生界委员工作室',
    orgLevel: 'township',
    district: '心湖区',
    sector: '医药卫生',
    theme: '健康义诊与健康科普',
    location: '湖滨街道社区卫生服务中心二楼',
    openedAt: '2022-06-18',
  },
  {
    name: '明德区书院街道民盟“烛光”委员工作室',
    orgLevel: 'township',
    district: '明德区',
    sector: '中国民主同盟',
    theme: '教育帮扶与课后服务',
    location: '书院街道党群服务中心',
    openedAt: '2022-09-09',
  },
  {
    name: '和阳区“法润同心”委员工作室',
    orgLevel: 'county',
    district: '和阳区',
    sector: '中国国民党革命委员会',
    theme: '法律咨询与矛盾纠纷调解',
    location: '和阳区公共法律服务中心',
    openedAt: '2022-12-02',
  },
  {
    name: '和阳区民营经济委员工作室',
    orgLevel: 'county',
    district: '和阳区',
    sector: '工商联',
    theme: '助企纾困与营商环境',
    location: '和阳区政务服务中心三楼',
    openedAt: '2023-03-15',
  },
  {
    name: '桐溪县石桥镇乡村振兴委员工作室',
    orgLevel: 'township',
    district: '桐溪县',
    sector: '农业',
    theme: '特色农业与乡村振兴',
    location: '石桥镇便民服务中心',
    openedAt: '2022-07-20',
  },
  {
    name: '明德区“书香”委员工作室',
    orgLevel: 'county',
    district: '明德区',
    sector: '教育',
    theme: '全民阅读与家庭教育',
    location: '明德区图书馆',
    openedAt: '2023-04-23',
  },
  {
    name: '古渡市码头镇非遗传承委员工作室',
    orgLevel: 'township',
    district: '古渡市',
    sector: '文化艺术',
    theme: '非遗保护与传承',
    location: '码头镇古渡老街文化站',
    openedAt: '2023-06-10',
  },
  {
    name: '心湖区府前街道“巾帼”委员工作室',
    orgLevel: 'township',
    district: '心湖区',
    sector: '妇联',
    theme: '妇女儿童权益保护',
    location: '府前街道妇女儿童之家',
    openedAt: '2022-03-08',
  },
  {
    name: '同心高新区科技创新委员工作室',
    orgLevel: 'county',
    district: '同心高新技术产业开发区',
    sector: '科学技术',
    theme: '科技成果转化与企业服务',
    location: '同心高新区科创服务中心',
    openedAt: '2023-09-12',
  },
  {
    name: '北苑区农工党“同心健康”委员工作室',
    orgLevel: 'county',
    district: '北苑区',
    sector: '中国农工民主党',
    theme: '基层医疗服务',
    location: '北苑区人民医院门诊楼一层',
    openedAt: '2023-05-20',
  },
  {
    name: '心湖区侨界委员工作室',
    orgLevel: 'county',
    district: '心湖区',
    sector: '侨联',
    theme: '联系服务归侨侨眷',
    location: '心湖区侨胞之家',
    openedAt: '2024-01-16',
  },
  {
    name: '和阳区民族团结委员工作室',
    orgLevel: 'county',
    district: '和阳区',
    sector: '少数民族',
    theme: '铸牢中华民族共同体意识',
    location: '和阳区朝阳街道民族团结进步服务站',
    openedAt: '2023-10-18',
  },
  {
    name: '望川区河西街道“夕阳红”委员工作室',
    orgLevel: 'township',
    district: '望川区',
    sector: '社会福利和社会保障',
    theme: '居家和社区养老服务',
    location: '河西街道综合养老服务中心',
    openedAt: '2024-04-26',
  },
  {
    name: '青岚县九三学社“生态环保”委员工作室',
    orgLevel: 'county',
    district: '青岚县',
    sector: '九三学社',
    theme: '生态保护修复与林下经济',
    location: '青岚县自然资源服务中心',
    openedAt: '2024-06-05',
  },
  {
    name: '北苑区建设街道青年创业委员工作室',
    orgLevel: 'township',
    district: '北苑区',
    sector: '共青团和青联',
    theme: '青年创新创业',
    location: '建设街道青年创业孵化基地',
    openedAt: '2024-05-04',
  },
];

export interface ConsultationPlatformSpec {
  name: string;
  orgLevel: OrgLevel;
  location: string;
  theme: string;
  openedAt: string;
}

const tag = '“有事来商量”';

export const consultationPlatforms: readonly ConsultationPlatformSpec[] = [
  {
    name: '“同心古城·文化旅游”协商平台',
    orgLevel: 'municipal',
    location: '同心市文化和旅游局',
    theme: '古城保护与文化旅游融合发展',
    openedAt: '2023-05-18',
  },
  {
    name: `心湖区${tag}协商议事中心`,
    orgLevel: 'county',
    location: '心湖区政协机关一楼',
    theme: '城市更新',
    openedAt: '2021-09-22',
  },
  {
    name: `和阳区${tag}协商议事厅`,
    orgLevel: 'county',
    location: '和阳区政务服务中心',
    theme: '营商环境',
    openedAt: '2021-11-10',
  },
  {
    name: `桐溪县${tag}协商议事中心`,
    orgLevel: 'county',
    location: '桐溪县政协机关',
    theme: '乡村振兴',
    openedAt: '2022-04-15',
  },
  {
    name: `古渡市${tag}协商平台`,
    orgLevel: 'county',
    location: '政协古渡市委员会机关',
    theme: '古镇保护与文化旅游',
    openedAt: '2022-05-19',
  },
  ...(
    [
      ['心湖区湖滨街道', '老旧小区改造', '2022-03-25'],
      ['心湖区鼓楼街道', '背街小巷整治', '2022-06-14'],
      ['和阳区新华街道', '既有住宅加装电梯', '2022-08-09'],
      ['和阳区东郊街道', '城中村改造', '2023-02-21'],
      ['明德区书院街道', '校园周边交通秩序', '2022-09-01'],
      ['明德区桥东街道', '物业服务管理', '2023-04-12'],
      ['望川区川口镇', '河道生态治理', '2022-10-18'],
      ['北苑区铁路街道', '停车难问题', '2023-03-07'],
      ['桐溪县石桥镇', '特色农业产业', '2022-07-26'],
      ['青岚县岚山镇', '生态保护与林下经济', '2023-05-30'],
      ['柳川县枣园乡', '红枣产业提质增效', '2023-08-16'],
      ['云峰县古寨镇', '传统村落保护利用', '2023-06-21'],
      ['古渡市码头镇', '古镇文化旅游', '2022-11-03'],
      ['同心高新区创新街道', '科技企业服务', '2024-03-19'],
    ] as const
  ).map(([place, theme, openedAt]) => ({
    name: `${place}${tag}协商室`,
    orgLevel: 'township' as const,
    location: `${place.replace(/^.+?[区县市](?=.+[街镇乡])/, '')}党群服务中心`,
    theme,
    openedAt,
  })),
  ...(
    [
      ['心湖区湖滨街道湖滨社区', '垃圾分类', '2022-05-12'],
      ['心湖区南关街道南关社区', '社区养老服务', '2023-01-10'],
      ['和阳区朝阳街道朝阳社区', '便民市场规范提升', '2023-03-28'],
      ['明德区北营街道北营社区', '老旧小区改造', '2022-08-23'],
      ['北苑区建设街道建设社区', '社区老年食堂', '2023-07-11'],
      ['望川区马庄镇王家峪村', '农村人居环境整治', '2022-09-27'],
      ['桐溪县杏花乡杏花村', '乡村旅游', '2023-04-18'],
      ['桐溪县双河镇双河村', '壮大村集体经济', '2023-09-05'],
      ['青岚县马坊乡南庄村', '农村饮水安全', '2024-04-09'],
      ['云峰县白水乡龙门村', '乡村振兴', '2024-05-22'],
      ['古渡市西湾镇西湾村', '移风易俗', '2024-06-13'],
      ['柳川县南沟镇柳湾村', '农村互助养老', '2024-07-02'],
    ] as const
  ).map(([place, theme, openedAt]) => ({
    name: `${place}${tag}议事点`,
    orgLevel: 'village' as const,
    location: `${place.replace(/^.+[街镇乡]道?/, '')}党群服务中心`,
    theme,
    openedAt,
  })),
];

// ── Plenary sessions of the 14th term ────────────────────────────────────────────────────────────────

// The term runs until the sixth session in February 2027, so the demo's "today" (late 2026) falls inside that
// session's plenary proposal window (three months before opening until its deadline): new proposals are 大会提案.
export const term = { termNo: 14, startDate: '2022-01-01', endDate: '2027-02-28' } as const;

export const plenarySessions: readonly { sessionNo: number; openDate: string; closeDate: string }[] = [
  { sessionNo: 1, openDate: '2022-02-19', closeDate: '2022-02-23' },
  { sessionNo: 2, openDate: '2023-02-18', closeDate: '2023-02-22' },
  { sessionNo: 3, openDate: '2024-02-24', closeDate: '2024-02-28' },
  { sessionNo: 4, openDate: '2025-02-22', closeDate: '2025-02-26' },
  { sessionNo: 5, openDate: '2026-02-06', closeDate: '2026-02-10' },
  { sessionNo: 6, openDate: '2027-02-05', closeDate: '2027-02-09' },
];

/** Members join at the first session of the term; 16 are by-elected in 2024 (as Lüliang did). */
export const joinedAtTermStart = '2022-01-10';
export const byElections = [
  { date: '2024-01-26', count: 10 },
  { date: '2024-08-29', count: 6 },
] as const;

export const departures = [
  { status: 'resigned', leftAt: '2023-06-28', reason: '因工作调动离开同心市，本人申请辞去政协委员职务' },
  { status: 'resigned', leftAt: '2024-04-25', reason: '因工作变动，本人申请辞去政协委员职务' },
  { status: 'deceased', leftAt: '2023-11-14', reason: '因病医治无效逝世' },
  { status: 'resigned', leftAt: '2025-08-27', reason: '因年龄原因，本人申请辞去政协委员职务' },
  { status: 'removed', leftAt: '2024-10-30', reason: '因严重违纪违法，经常委会会议决定撤销其委员资格' },
] as const;
