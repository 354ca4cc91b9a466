/**
 * Builds the rows of the demo committee in memory (no database): every id is generated here, so the rows
 * can be inserted table by table in a few bulk statements. The people and bodies come from a seeded PRNG
 * and are the same on every run; only the UUIDs differ.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@tongxin/common/roles.ts';
import type {
  committees,
  handlerUnits,
  memberSpecialCommittees,
  members,
  participatingUnits,
  platformMembers,
  platforms,
  plenarySessions,
  sectorConveners,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
} from '../../platform/db/schema.ts';
import {
  type Affiliation,
  byElections,
  brands,
  type CommitteeKey,
  consultationPlatforms,
  type District,
  defaultCommitteeName,
  departures,
  districts,
  handlerUnits as handlerUnitSpecs,
  joinedAtTermStart,
  memberStudios,
  minorityEthnicities,
  participatingUnits as unitSpecs,
  partyUnitOf,
  plenarySessions as sessionSpecs,
  type Post,
  type SectorSpec,
  sectors as sectorSpecs,
  specialCommittees as committeeSpecs,
  supervisionOffices as officeSpecs,
  term as termSpec,
  unitNames,
} from './demo-data.ts';
import { createNameGenerator } from './names.ts';
import { createRng } from './prng.ts';

export const demoSeed = 20220110;
export const defaultMemberCount = 300;
export const minMemberCount = 120;
export const maxMemberCount = 800;

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Gender = 'male' | 'female';
type Leadership = 'chair' | 'vice_chair' | 'secretary_general';

export interface DemoLogin {
  username: string;
  displayName: string;
  label: string;
  /** The role shown in the start-up banner. */
  role: Role;
  grants: { role: Role; scopeId: string | null }[];
}

export interface DemoRows {
  committee: Insert<typeof committees> & { id: string };
  term: Insert<typeof terms>;
  sessions: Insert<typeof plenarySessions>[];
  sectors: Insert<typeof sectors>[];
  units: Insert<typeof participatingUnits>[];
  members: Insert<typeof members>[];
  specialCommittees: Insert<typeof specialCommittees>[];
  memberSpecialCommittees: Insert<typeof memberSpecialCommittees>[];
  sectorConveners: Insert<typeof sectorConveners>[];
  handlerUnits: Insert<typeof handlerUnits>[];
  supervisionOffices: Insert<typeof supervisionOffices>[];
  platforms: Insert<typeof platforms>[];
  platformMembers: Insert<typeof platformMembers>[];
  logins: DemoLogin[];
}

interface Draft {
  id: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  affiliation: Affiliation;
  sector: number;
  unitName: string | null;
  isStanding: boolean;
  leadership: Leadership | null;
  workUnit: string;
  jobTitle: string;
  mobile: string;
  email: string | null;
  status: 'active' | 'resigned' | 'removed' | 'deceased';
  joinedAt: string;
  leftAt: string | null;
  reasonLeft: string | null;
  home: District;
  /** What the member was created for: leadership, a committee director, a head of a party or body … */
  slot: 'leader' | 'director' | 'liaison' | 'head' | 'ordinary';
  committees: CommitteeKey[];
}

/** Staff accounts that are not members; their names are kept out of the member list. */
const staffNames = {
  admin: '张伟',
  tian: '田晓梅',
  office: '李静',
  info: '王磊',
  liaison: '赵丽娜',
  cstaff: '孙浩然',
  unit: '刘婧',
} as const;

export function buildDemo(
  opts: { memberCount?: number; committeeName?: string; usernamePrefix?: string } = {},
) {
  const memberCount = opts.memberCount ?? defaultMemberCount;
  if (!Number.isInteger(memberCount) || memberCount < minMemberCount || memberCount > maxMemberCount) {
    throw new RangeError(`memberCount must be an integer from ${minMemberCount} to ${maxMemberCount}`);
  }
  const committeeName = opts.committeeName ?? defaultCommitteeName;
  const prefix = (opts.usernamePrefix ?? '').toLowerCase();
  const rng = createRng(demoSeed);
  const names = createNameGenerator(rng);
  for (const n of Object.values(staffNames)) names.reserve(n);

  const committeeId = randomUUID();
  const termId = randomUUID();
  const business = () => ({ id: randomUUID(), committeeId });

  const districtByName = new Map(districts.map((d) => [d.name, d]));
  const sectorIndex = new Map(sectorSpecs.map((s, i) => [s.name, i]));
  const indexOf = (name: string) => {
    const i = sectorIndex.get(name);
    if (i === undefined) throw new Error(`unknown sector ${name}`);
    return i;
  };

  // ── helpers ──
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const usedMobiles = new Set<string>();
  const mobilePrefixes = ['139', '138', '137', '136', '135', '159', '158', '152', '188', '187', '186', '185'];
  const morePrefixes = [
    '133',
    '153',
    '180',
    '189',
    '177',
    '199',
    '166',
    '150',
    '151',
    '130',
    '131',
    '155',
    '182',
  ];
  const allPrefixes = [...mobilePrefixes, ...morePrefixes];
  const mobile = () => {
    for (;;) {
      const m = rng.pick(allPrefixes) + digits(8);
      if (!usedMobiles.has(m)) {
        usedMobiles.add(m);
        return m;
      }
    }
  };
  const landline = () => `0999-${rng.pick(['8', '6', '5', '3'])}${digits(6)}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const birthDate = ([from, to]: readonly [number, number]) => {
    // Two draws averaged: ages bunch in the middle of the range, as in a real committee.
    const year = Math.round((rng.int(from, to) + rng.int(from, to)) / 2);
    return `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  };
  const email = () => {
    const r = rng.next();
    if (r < 0.4) return `${rng.int(1, 9)}${digits(rng.int(7, 9))}@qq.com`;
    if (r < 0.55) return `tx${digits(6)}@163.com`;
    return null;
  };
  const dharmaName = () => {
    const a = rng.pick(Array.from('妙智慧觉法明常宏圣印'));
    let b = rng.pick(Array.from('善静空缘心道德光莲源'));
    while (b === a) b = rng.pick(Array.from('善静空缘心道德光莲源'));
    const name = `释${a}${b}`;
    names.reserve(name);
    return name;
  };
  const homeDistrict = () => rng.weighted(districts.map((d) => [d, d.weight] as const));
  /** Fills a post template for a member living in `home`. */
  const expand = (post: Post, home: District): { workUnit: string; jobTitle: string } => {
    const place = home.host ? districtByName.get(home.host)! : home;
    const places = post.rural ? place.places.filter((pl) => pl.endsWith('村')) : place.places;
    const [town, village] = rng.pick(places.length > 0 ? places : place.places).split('/') as [
      string,
      string,
    ];
    const workUnit = rng
      .pick(post.unit.split('|'))
      .replace('{d}', place.name)
      .replace('{t}', town)
      .replace('{v}', village)
      .replace('{b}', rng.pick(brands));
    let jobTitle = rng.pick(post.title.split('|')).replace('{dl}', place.name.slice(-1));
    if (post.unit.includes('{v}') && village.endsWith('社区'))
      jobTitle = jobTitle.replace('村委会', '居委会');
    return { workUnit, jobTitle };
  };

  // ── sector sizes ──
  const cpcIndex = indexOf('中国共产党');
  const viceChairSectors = ['中国民主同盟', '中国民主建国会', '无党派人士'].map(indexOf);
  const liaisonDistricts = districts;
  const designatedCpc = 1 + 3 + 1 + committeeSpecs.length + liaisonDistricts.length;
  const minimum = sectorSpecs.map((s, i) =>
    i === cpcIndex ? designatedCpc + 2 : s.heads.length + 2 + (viceChairSectors.includes(i) ? 1 : 0),
  );
  const totalWeight = sectorSpecs.reduce((sum, s) => sum + s.weight, 0);
  const counts = sectorSpecs.map((s, i) =>
    Math.max(minimum[i]!, Math.round((s.weight * memberCount) / totalWeight)),
  );
  const bySize = sectorSpecs.map((_, i) => i).sort((a, b) => sectorSpecs[b]!.weight - sectorSpecs[a]!.weight);
  for (let diff = memberCount - counts.reduce((a, b) => a + b, 0), k = 0; diff !== 0; k++) {
    const i = bySize[k % bySize.length]!;
    if (diff > 0) {
      counts[i]!++;
      diff--;
    } else if (counts[i]! > minimum[i]!) {
      counts[i]!--;
      diff++;
    }
  }

  // ── members ──
  const drafts: Draft[] = [];
  const bySector: Draft[][] = sectorSpecs.map(() => []);
  /** How many members may hold one title in one unit: one 会长, two 副局长, any number of 教授. */
  const taken = new Map<string, number>();
  const shared =
    /教授|医师|研究员|教师|律师|演员|审判|技师|工程师|教研员|会计师|记者|主持人|馆员|公证员|快递员|护师|教练|创始人|委员|总监/;
  const seatsFor = (title: string) => {
    const position = title.split('、')[0]!;
    if (shared.test(position)) return Number.POSITIVE_INFINITY;
    return position.includes('副') ? 2 : 1;
  };
  const isHead = (title: string) => {
    const position = title.split('、')[0]!;
    return !position.includes('副') && /长$|主席$|书记$|主委$|主任$/.test(position);
  };
  const ruralDistricts = districts.filter((d) => d.places.some((pl) => pl.endsWith('村')));
  const create = (
    sector: number,
    posts: Post | readonly Post[],
    extra: {
      slot?: Draft['slot'];
      leadership?: Leadership;
      standing?: boolean;
      gender?: Gender;
      years?: readonly [number, number];
      home?: District;
      committees?: CommitteeKey[];
    } = {},
  ): Draft => {
    const spec: SectorSpec = sectorSpecs[sector]!;
    // Pick a post whose seat is still free (a city has one 佛教协会会长); give up after a few tries.
    let post: Post;
    let home: District;
    let filled: { workUnit: string; jobTitle: string };
    let attempt = 0;
    do {
      post = Array.isArray(posts) ? rng.pick(posts as readonly Post[]) : (posts as Post);
      home =
        extra.home ??
        (post.rural ? rng.weighted(ruralDistricts.map((d) => [d, d.weight] as const)) : homeDistrict());
      filled = expand(post, home);
    } while (
      Array.isArray(posts) &&
      (taken.get(`${filled.workUnit}|${filled.jobTitle}`) ?? 0) >= seatsFor(filled.jobTitle) &&
      ++attempt < 40
    );
    const seat = `${filled.workUnit}|${filled.jobTitle}`;
    taken.set(seat, (taken.get(seat) ?? 0) + 1);

    const affiliation: Affiliation =
      spec.affiliation ?? post.aff ?? rng.weighted(spec.mix ?? [['masses', 1]]);
    const gender: Gender = extra.gender ?? post.gender ?? (rng.chance(spec.femaleShare) ? 'female' : 'male');
    const ethnicity = post.eth ?? (rng.chance(spec.minority) ? rng.weighted(minorityEthnicities) : '汉族');
    let years = extra.years ?? spec.birthYears;
    // Heads of units are seldom under forty-five.
    if (!extra.years && isHead(filled.jobTitle) && years[0] < 1978)
      years = [years[0], Math.min(years[1], 1981)];
    const draft: Draft = {
      id: randomUUID(),
      name: post.monk ? dharmaName() : names.next(gender, ethnicity),
      gender,
      ethnicity,
      birthDate: birthDate(years),
      affiliation,
      sector,
      unitName: spec.unit ?? partyUnitOf[affiliation] ?? null,
      isStanding: extra.standing ?? false,
      leadership: extra.leadership ?? null,
      workUnit: filled.workUnit,
      jobTitle: filled.jobTitle,
      mobile: mobile(),
      email: extra.slot === 'leader' ? null : email(),
      status: 'active',
      joinedAt: joinedAtTermStart,
      leftAt: null,
      reasonLeft: null,
      home,
      slot: extra.slot ?? 'ordinary',
      committees: extra.committees ?? [],
    };
    drafts.push(draft);
    bySector[sector]!.push(draft);
    return draft;
  };
  const office = (title: string) => ({ unit: committeeName, title });
  const leaderYears = [1963, 1971] as const;

  // Chair's Council: the chair, six vice-chairs (three of them from other parties), the secretary-general.
  const chair = create(cpcIndex, office('主席、党组书记'), {
    slot: 'leader',
    leadership: 'chair',
    standing: true,
    gender: 'male',
    years: leaderYears,
  });
  const viceChairs: Draft[] = [
    create(cpcIndex, office('副主席、党组副书记'), {
      slot: 'leader',
      leadership: 'vice_chair',
      standing: true,
      gender: 'male',
      years: leaderYears,
    }),
    create(cpcIndex, office('副主席、党组成员'), {
      slot: 'leader',
      leadership: 'vice_chair',
      standing: true,
      gender: 'female',
      years: leaderYears,
    }),
    create(cpcIndex, office('副主席、党组成员'), {
      slot: 'leader',
      leadership: 'vice_chair',
      standing: true,
      gender: 'male',
      years: leaderYears,
    }),
  ];
  create(cpcIndex, office('秘书长、党组成员'), {
    slot: 'leader',
    leadership: 'secretary_general',
    standing: true,
    gender: 'male',
    years: [1966, 1974],
  });
  const partyViceChair = (sector: string, title: string, gender: Gender) =>
    create(indexOf(sector), office(title), {
      slot: 'leader',
      leadership: 'vice_chair',
      standing: true,
      gender,
      years: leaderYears,
    });
  viceChairs.push(
    partyViceChair('中国民主同盟', `副主席，${unitNames.cdl}主委`, 'female'),
    partyViceChair('中国民主建国会', `副主席，${unitNames.cndca}主委`, 'male'),
    partyViceChair('无党派人士', '副主席', 'male'),
  );
  // Full-time directors of the special committees.
  const directors = new Map<CommitteeKey, Draft>();
  for (const sc of committeeSpecs) {
    directors.set(
      sc.key,
      create(cpcIndex, office(`${sc.name}主任`), {
        slot: 'director',
        standing: true,
        years: [1965, 1975],
        committees: [sc.key],
      }),
    );
  }
  // The chairs of the county CPPCCs (and officials of the two development zones) lead the liaison groups.
  const liaisonManagers = new Map<string, Draft>();
  for (const d of liaisonDistricts) {
    const post = d.cppcc
      ? { unit: d.cppcc, title: '主席' }
      : { unit: `${d.name}管委会`, title: '党工委副书记、管委会副主任' };
    liaisonManagers.set(
      d.name,
      create(cpcIndex, post, { slot: 'liaison', standing: d.cppcc !== null, home: d, years: [1965, 1974] }),
    );
  }
  // The heads of each party and body, then everyone else.
  sectorSpecs.forEach((spec, i) => {
    const hasViceChair = viceChairSectors.includes(i);
    for (const [k, post] of spec.heads.entries()) {
      const years = spec.birthYears[0] >= 1980 ? spec.birthYears : ([1965, 1978] as const);
      create(i, post, { slot: 'head', standing: k === 0 && !hasViceChair, years });
    }
    while (bySector[i]!.length < counts[i]!) create(i, spec.posts);
  });

  // By-elections and departures, among ordinary members.
  const ordinary = rng.shuffle(drafts.filter((m) => m.slot === 'ordinary'));
  let cursor = 0;
  for (const election of byElections) {
    for (let k = 0; k < election.count; k++) ordinary[cursor++]!.joinedAt = election.date;
  }
  for (const d of departures) {
    const m = ordinary[cursor++]!;
    m.status = d.status;
    m.leftAt = d.leftAt;
    m.reasonLeft = d.reason;
  }
  // Standing members: about 15% of the committee, those with senior posts first.
  // (A small committee still gets a few standing members from the ranks, besides the designated ones.)
  let standing = drafts.filter((d) => d.isStanding).length;
  const standingTarget = Math.max(Math.round((45 * memberCount) / defaultMemberCount), standing + 4);
  const senior = /长|主席|会长|主委|院长|董事长|教授|研究员|书记/;
  const candidates = ordinary.slice(cursor).filter((m) => senior.test(m.jobTitle));
  for (const m of candidates) {
    if (standing >= standingTarget) break;
    m.isStanding = true;
    standing++;
  }

  // Special committees: most members sit on one, some on two, leaders on none.
  const committeeKeys = committeeSpecs.map((c) => c.key);
  for (const m of drafts) {
    if (m.slot === 'leader' || m.slot === 'director') continue;
    const spec = sectorSpecs[m.sector]!;
    const r = rng.next();
    const n = r < 0.05 ? 0 : r < 0.88 ? 1 : 2;
    while (m.committees.length < n) {
      const key = rng.chance(0.75) ? rng.pick(spec.committees) : rng.pick(committeeKeys);
      if (!m.committees.includes(key)) m.committees.push(key);
    }
  }

  // ── rows ──
  const sessionRows: Insert<typeof plenarySessions>[] = sessionSpecs.map((s) => {
    const expected = drafts.filter(
      (m) => m.joinedAt <= s.openDate && (m.leftAt === null || m.leftAt > s.openDate),
    ).length;
    const absent = rng.int(Math.round(expected * 0.04), Math.round(expected * 0.08));
    const close = new Date(`${s.closeDate}T00:00:00Z`);
    close.setUTCDate(close.getUTCDate() - 1);
    return {
      ...business(),
      termId,
      sessionNo: s.sessionNo,
      openDate: s.openDate,
      closeDate: s.closeDate,
      proposalDeadline: new Date(`${close.toISOString().slice(0, 10)}T18:00:00+08:00`),
      expectedCount: expected,
      presentCount: expected - absent,
    };
  });

  const sectorRows = sectorSpecs.map((s, i) => ({
    ...business(),
    code: s.code,
    name: s.name,
    kind: s.kind,
    sortOrder: (i + 1) * 10,
  }));
  const unitRows = unitSpecs.map((u, i) => ({
    ...business(),
    name: u.name,
    kind: u.kind,
    sealRequired: u.sealRequired,
    sortOrder: (i + 1) * 10,
  }));
  const unitId = new Map(unitRows.map((u) => [u.name, u.id]));

  const memberRows: Insert<typeof members>[] = drafts.map((m) => ({
    id: m.id,
    committeeId,
    termId,
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    politicalAffiliation: m.affiliation,
    sectorId: sectorRows[m.sector]!.id,
    participatingUnitId: m.unitName ? unitId.get(m.unitName)! : null,
    isStandingMember: m.isStanding,
    leadershipPosition: m.leadership,
    workUnit: m.workUnit,
    jobTitle: m.jobTitle,
    mobile: m.mobile,
    email: m.email,
    status: m.status,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
    reasonLeft: m.reasonLeft,
  }));

  // Each committee is overseen by a vice-chair; six vice-chairs for eight committees.
  const overseers = [0, 1, 2, 3, 4, 5, 1, 2].map((k) => viceChairs[k]!);
  const committeeRows = committeeSpecs.map((c, i) => ({
    ...business(),
    name: c.name,
    isProposalsCommittee: c.key === 'proposals',
    directorId: directors.get(c.key)!.id,
    supervisingLeaderId: overseers[i]!.id,
    sortOrder: (i + 1) * 10,
  }));
  const committeeIdOf = new Map(committeeSpecs.map((c, i) => [c.key, committeeRows[i]!.id]));
  const mscRows = drafts.flatMap((m) =>
    m.committees.map((key) => ({ committeeId, memberId: m.id, specialCommitteeId: committeeIdOf.get(key)! })),
  );

  // Conveners: one or two active members of the sector, standing members first, never the Chair's Council.
  const convenerRows = sectorSpecs.flatMap((_, i) => {
    const pool = bySector[i]!.filter(
      (m) => m.status === 'active' && m.slot !== 'leader' && m.slot !== 'director',
    );
    const ranked = [...pool.filter((m) => m.isStanding), ...pool.filter((m) => !m.isStanding)];
    const n = pool.length >= 10 ? 2 : 1;
    return ranked.slice(0, n).map((m) => ({ committeeId, sectorId: sectorRows[i]!.id, memberId: m.id }));
  });

  // Handler units, their leaders and contacts; parents before their subordinate bodies.
  const handlerRows = handlerUnitSpecs.map((u) => ({
    ...business(),
    name: u.name,
    shortName: u.shortName,
    system: u.system,
    parentUnitId: null as string | null,
    leaderName: names.next(rng.chance(0.25) ? 'female' : 'male'),
    leaderTitle: u.leaderTitle,
    contactName: names.next(rng.chance(0.55) ? 'female' : 'male'),
    contactPhone: landline(),
    isActive: true,
  }));
  const handlerByName = new Map(handlerRows.map((u) => [u.name, u]));
  handlerUnitSpecs.forEach((u, i) => {
    if (u.parent) handlerRows[i]!.parentUnitId = handlerByName.get(u.parent)!.id;
  });
  handlerRows.sort((a, b) => Number(a.parentUnitId !== null) - Number(b.parentUnitId !== null));

  const officeRows = officeSpecs.map((o) => ({
    ...business(),
    name: o.name,
    system: o.system,
    contactName: names.next(rng.chance(0.5) ? 'female' : 'male'),
    contactPhone: landline(),
  }));

  // Platforms.
  const platformRows: Insert<typeof platforms>[] = [];
  const platformMemberRows: Insert<typeof platformMembers>[] = [];
  const active = (m: Draft) => m.status === 'active';
  for (const d of liaisonDistricts) {
    const manager = liaisonManagers.get(d.name)!;
    const row = {
      ...business(),
      kind: 'liaison_group' as const,
      name: `政协同心市${d.short}联络组`,
      orgLevel: 'county' as const,
      location: d.cppcc ? `${d.cppcc}机关` : `${d.name}管委会`,
      theme: null,
      managerName: manager.name,
      openedAt: '2022-03-18',
      isActive: true,
    };
    platformRows.push(row);
    for (const m of drafts.filter((x) => x.home === d && active(x) && x.slot !== 'leader')) {
      platformMemberRows.push({ committeeId, platformId: row.id, memberId: m.id });
    }
  }
  for (const s of memberStudios) {
    const sector = indexOf(s.sector);
    const fromSector = rng.shuffle(bySector[sector]!.filter((m) => active(m) && m.slot !== 'leader'));
    const local = (m: Draft) => m.home.name === s.district;
    let pool = [...fromSector.filter(local), ...fromSector.filter((m) => !local(m))];
    if (pool.length < 3) {
      const neighbours = rng.shuffle(drafts.filter((m) => active(m) && local(m) && m.sector !== sector));
      pool = [...pool, ...neighbours];
    }
    const team = pool.slice(0, Math.min(pool.length, rng.int(3, 8)));
    const row = {
      ...business(),
      kind: 'member_studio' as const,
      name: s.name,
      orgLevel: s.orgLevel,
      location: s.location,
      theme: s.theme,
      managerName: team[0]!.name,
      openedAt: s.openedAt,
      isActive: true,
    };
    platformRows.push(row);
    for (const m of team) platformMemberRows.push({ committeeId, platformId: row.id, memberId: m.id });
  }
  for (const c of consultationPlatforms) {
    platformRows.push({
      ...business(),
      kind: 'consultation_platform',
      name: c.name,
      orgLevel: c.orgLevel,
      location: c.location,
      theme: c.theme,
      managerName: names.next(rng.chance(0.4) ? 'female' : 'male'),
      openedAt: c.openedAt,
      isActive: true,
    });
  }

  // ── demo logins ──
  const sectorName = (m: Draft) => sectorSpecs[m.sector]!.name;
  const plainMember = bySector[indexOf('中国民主同盟')]!.find(
    (m) =>
      m.slot === 'ordinary' &&
      active(m) &&
      m.joinedAt === joinedAtTermStart &&
      !m.isStanding &&
      m.committees.length > 0,
  )!;
  const standingMember =
    drafts.find(
      (m) =>
        m.slot === 'ordinary' && active(m) && m.isStanding && sectorSpecs[m.sector]!.kind === 'professional',
    ) ?? drafts.find((m) => m.slot === 'ordinary' && active(m) && m.isStanding)!;
  const proposalsCommitteeId = committeeIdOf.get('proposals')!;
  const education = handlerByName.get('市教育局')!;
  const finance = handlerByName.get('市财政局')!;
  const govOffice = officeRows.find((o) => o.system === 'government')!;
  const login = (
    username: string,
    displayName: string,
    label: string,
    grants: DemoLogin['grants'],
  ): DemoLogin => ({ username: prefix + username, displayName, label, role: grants[0]!.role, grants });
  const logins: DemoLogin[] = [
    login('admin', staffNames.admin, `系统管理员 ${staffNames.admin}`, [{ role: 'sysadmin', scopeId: null }]),
    login('tian', staffNames.tian, `提案委员会办公室 ${staffNames.tian}`, [
      { role: 'proposal_staff', scopeId: null },
    ]),
    login('member', plainMember.name, `政协委员 ${plainMember.name}（${sectorName(plainMember)}界别）`, [
      { role: 'member', scopeId: plainMember.id },
    ]),
    login(
      'standing',
      standingMember.name,
      `常委 ${standingMember.name}（${sectorName(standingMember)}界别）`,
      [
        { role: 'standing_member', scopeId: standingMember.id },
        { role: 'member', scopeId: standingMember.id },
      ],
    ),
    login('chair', chair.name, `主席会议成员 ${chair.name}（主席）`, [
      { role: 'chair_council', scopeId: null },
    ]),
    login('office', staffNames.office, `办公室 ${staffNames.office}`, [
      { role: 'office_staff', scopeId: null },
    ]),
    login('info', staffNames.info, `社情民意信息编辑 ${staffNames.info}`, [
      { role: 'info_staff', scopeId: null },
    ]),
    login('liaison', staffNames.liaison, `委员联络工作人员 ${staffNames.liaison}`, [
      { role: 'liaison_staff', scopeId: null },
    ]),
    login('cstaff', staffNames.cstaff, `提案委员会工作人员 ${staffNames.cstaff}`, [
      { role: 'committee_staff', scopeId: proposalsCommitteeId },
    ]),
    login('unit', staffNames.unit, `${unitNames.cdl}联络人 ${staffNames.unit}`, [
      { role: 'unit_liaison', scopeId: unitId.get(unitNames.cdl)! },
    ]),
    login('clerk', education.contactName, `市教育局经办人 ${education.contactName}`, [
      { role: 'handler_clerk', scopeId: education.id },
    ]),
    // A second handler unit, for proposals handled by a lead unit with a co-handling (会办) unit.
    login('clerk2', finance.contactName, `市财政局经办人 ${finance.contactName}`, [
      { role: 'handler_clerk', scopeId: finance.id },
    ]),
    login(
      'leader',
      education.leaderName,
      `市教育局${education.leaderTitle} ${education.leaderName}（分管领导）`,
      [{ role: 'handler_leader', scopeId: education.id }],
    ),
    login('duban', govOffice.contactName, `${govOffice.name} ${govOffice.contactName}`, [
      { role: 'supervision_office', scopeId: govOffice.id },
    ]),
  ];

  const rows: DemoRows = {
    committee: { id: committeeId, name: committeeName, level: 'municipal', parentId: null },
    term: { id: termId, committeeId, ...termSpec },
    sessions: sessionRows,
    sectors: sectorRows,
    units: unitRows,
    members: memberRows,
    specialCommittees: committeeRows,
    memberSpecialCommittees: mscRows,
    sectorConveners: convenerRows,
    handlerUnits: handlerRows,
    supervisionOffices: officeRows,
    platforms: platformRows,
    platformMembers: platformMemberRows,
    logins,
  };
  return rows;
}
