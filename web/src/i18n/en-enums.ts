import type { enumLabels } from '@tongxin/common/org/enums.ts';

type EnumLabels = { [K in keyof typeof enumLabels]: Record<keyof (typeof enumLabels)[K], string> };

/** English labels of the dictionaries in common/org/enums.ts (Chinese ones come from there). */
export const enEnumLabels: EnumLabels = {
  committeeLevel: {
    national: 'National',
    provincial: 'Provincial',
    municipal: 'Municipal',
    county: 'County',
  },
  platformOrgLevel: { municipal: 'Municipal', county: 'County', township: 'Township', village: 'Village' },
  sectorKind: {
    party: 'Party',
    non_party: 'Non-party',
    people_org: 'People’s organisation',
    professional: 'Professional',
    special_invite: 'Specially invited',
  },
  participatingUnitKind: {
    cpc: 'Communist Party of China',
    democratic_party: 'Democratic party',
    non_party: 'Non-party',
    federation_ic: 'Federation of Industry & Commerce',
    people_org: 'People’s organisation',
  },
  memberStatus: { active: 'Active', resigned: 'Resigned', removed: 'Removed', deceased: 'Deceased' },
  gender: { male: 'Male', female: 'Female' },
  politicalAffiliation: {
    cpc: 'CPC',
    rcckmt: 'RCCK',
    cdl: 'China Democratic League',
    cndca: 'CNDCA',
    capd: 'CAPD',
    pwdp: 'Peasants and Workers Democratic Party',
    zhigong: 'Zhi Gong Party',
    jiusan: 'Jiusan Society',
    tdsgl: 'Taiwan Democratic Self-Government League',
    non_party: 'Non-party',
    masses: 'Masses',
  },
  leadershipPosition: { chair: 'Chair', vice_chair: 'Vice-chair', secretary_general: 'Secretary-general' },
  handlerUnitSystem: {
    party: 'Party',
    government: 'Government',
    court_procuratorate: 'Court / procuratorate',
    other: 'Other',
  },
  supervisionOfficeSystem: { party: 'Party committee office', government: 'Government office' },
  platformKind: {
    liaison_group: 'Liaison group',
    member_studio: 'Member studio',
    consultation_platform: 'Platform',
  },
};
