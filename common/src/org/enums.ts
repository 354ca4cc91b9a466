/** Dictionaries of the organisation directory, with their Chinese labels (domain.md §2.1). */
export const committeeLevels = ['national', 'provincial', 'municipal', 'county'] as const;
export const platformOrgLevels = ['municipal', 'county', 'township', 'village'] as const;
export const sectorKinds = ['party', 'non_party', 'people_org', 'professional', 'special_invite'] as const;
export const participatingUnitKinds = [
  'cpc',
  'democratic_party',
  'non_party',
  'federation_ic',
  'people_org',
] as const;
export const memberStatuses = ['active', 'resigned', 'removed', 'deceased'] as const;
export const genders = ['male', 'female'] as const;
export const politicalAffiliations = [
  'cpc',
  'rcckmt',
  'cdl',
  'cndca',
  'capd',
  'pwdp',
  'zhigong',
  'jiusan',
  'tdsgl',
  'non_party',
  'masses',
] as const;
export const leadershipPositions = ['chair', 'vice_chair', 'secretary_general'] as const;
export const handlerUnitSystems = ['party', 'government', 'court_procuratorate', 'other'] as const;
export const supervisionOfficeSystems = ['party', 'government'] as const;
export const platformKinds = ['liaison_group', 'member_studio', 'consultation_platform'] as const;

export type CommitteeLevel = (typeof committeeLevels)[number];
export type PlatformKind = (typeof platformKinds)[number];

export const enumLabels = {
  committeeLevel: { national: '全国', provincial: '省级', municipal: '市级', county: '县级' },
  platformOrgLevel: {
    municipal: '市级',
    county: '县（市、区）级',
    township: '乡镇（街道）级',
    village: '村（社区）级',
  },
  sectorKind: {
    party: '党派界别',
    non_party: '无党派界别',
    people_org: '人民团体界别',
    professional: '专业界别',
    special_invite: '特邀界别',
  },
  participatingUnitKind: {
    cpc: '中国共产党',
    democratic_party: '民主党派',
    non_party: '无党派人士',
    federation_ic: '工商联',
    people_org: '人民团体',
  },
  memberStatus: { active: '在任', resigned: '辞任', removed: '撤销', deceased: '去世' },
  gender: { male: '男', female: '女' },
  politicalAffiliation: {
    cpc: '中共党员',
    rcckmt: '民革党员',
    cdl: '民盟盟员',
    cndca: '民建会员',
    capd: '民进会员',
    pwdp: '农工党党员',
    zhigong: '致公党党员',
    jiusan: '九三学社社员',
    tdsgl: '台盟盟员',
    non_party: '无党派人士',
    masses: '群众',
  },
  leadershipPosition: { chair: '主席', vice_chair: '副主席', secretary_general: '秘书长' },
  handlerUnitSystem: {
    party: '党委系统',
    government: '政府系统',
    court_procuratorate: '法院检察院',
    other: '其他',
  },
  supervisionOfficeSystem: { party: '市委督查室', government: '市政府督查室' },
  platformKind: {
    liaison_group: '政协联络组',
    member_studio: '委员工作室',
    consultation_platform: '协商平台',
  },
} as const;

/** Reverse lookup for Excel import: Chinese label → code. */
export function codeForLabel<K extends keyof typeof enumLabels>(kind: K, label: string): string | undefined {
  const entries = Object.entries(enumLabels[kind]) as [string, string][];
  const text = label.trim();
  return entries.find(([code, zh]) => zh === text || code === text)?.[0];
}
