/**
 * Bench data: one committee with a term, 25 sectors, 10,000 members spread over them and one staff user
 * who may read the whole member directory. Direct drizzle inserts (the API would be the slow part here).
 */
import {
  committees,
  members,
  sectors,
  terms,
  userRoles,
  users,
} from '../../server/src/platform/db/schema.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import { hashPassword } from '../../server/src/platform/security/password.ts';

export interface BenchData {
  committeeId: string;
  /** The sector the benchmark lists (one in the middle of the sort order). */
  sectorId: string;
  sectorMembers: number;
  username: string;
  password: string;
}

const sectorNames = [
  '中国共产党',
  '中国国民党革命委员会',
  '中国民主同盟',
  '中国民主建国会',
  '中国民主促进会',
  '中国农工民主党',
  '中国致公党',
  '九三学社',
  '台湾民主自治同盟',
  '无党派人士',
  '共青团',
  '总工会',
  '妇联',
  '青联',
  '工商联',
  '科协',
  '文化艺术界',
  '科学技术界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '新闻出版界',
  '医药卫生界',
  '特别邀请人士',
] as const;

const sectorKind = (i: number): (typeof sectors.$inferInsert)['kind'] =>
  i < 9
    ? 'party'
    : i === 9
      ? 'non_party'
      : i < 16
        ? 'people_org'
        : i < 24
          ? 'professional'
          : 'special_invite';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰春梅海燕文斌宇晨浩然思远嘉怡雨欣子涵俊杰博文';
const affiliations = [
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
] as const;
const units = [
  '市人民医院',
  '市第一中学',
  '市科技局',
  '市工商联',
  '市文联',
  '市律师协会',
  '某大学',
  '某集团有限公司',
];
const titles = ['院长', '校长', '副局长', '主任', '教授', '副主席', '律师', '董事长'];

/** A deterministic pseudo-random stream so every run seeds the same rows. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedMembers(db: Db, memberCount = 10_000): Promise<BenchData> {
  const rand = prng(20260101);
  const pick = <T>(list: readonly T[] | string): T => list[Math.floor(rand() * list.length)] as T;

  const [committee] = await db
    .insert(committees)
    .values({ name: '基准测试市政协', level: 'municipal' })
    .returning();
  const committeeId = committee!.id;
  const [term] = await db
    .insert(terms)
    .values({ committeeId, termNo: 14, startDate: '2023-01-01', endDate: '2027-12-31' })
    .returning();
  const sectorRows = await db
    .insert(sectors)
    .values(
      sectorNames.map((name, i) => ({
        committeeId,
        code: `S${String(i + 1).padStart(2, '0')}`,
        name,
        kind: sectorKind(i),
        sortOrder: i + 1,
      })),
    )
    .returning({ id: sectors.id, sortOrder: sectors.sortOrder });
  sectorRows.sort((a, b) => a.sortOrder - b.sortOrder);

  const batch: (typeof members.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.insert(members).values(batch.splice(0));
  };
  for (let i = 0; i < memberCount; i++) {
    const sector = sectorRows[i % sectorRows.length]!;
    batch.push({
      committeeId,
      termId: term!.id,
      name:
        pick<string>(surnames) + pick<string>(givenChars) + (rand() < 0.6 ? pick<string>(givenChars) : ''),
      gender: rand() < 0.5 ? 'male' : 'female',
      birthDate: `19${60 + Math.floor(rand() * 30)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      politicalAffiliation: pick(affiliations),
      sectorId: sector.id,
      isStandingMember: rand() < 0.1,
      workUnit: pick(units),
      jobTitle: pick(titles),
      mobile: `139${String(10_000_000 + i).padStart(8, '0')}`,
      joinedAt: '2023-01-15',
    });
    if (batch.length === 500) await flush();
  }
  await flush();

  const username = 'bench-staff';
  const password = 'Bench-Password-2026';
  const [user] = await db
    .insert(users)
    .values({
      committeeId,
      username,
      displayName: '基准测试工作人员',
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
    })
    .returning();
  await db.insert(userRoles).values({ committeeId, userId: user!.id, role: 'liaison_staff', scopeId: null });

  const middle = sectorRows[Math.floor(sectorRows.length / 2)]!;
  const perSector = Math.floor(memberCount / sectorRows.length);
  return { committeeId, sectorId: middle.id, sectorMembers: perSector, username, password };
}
