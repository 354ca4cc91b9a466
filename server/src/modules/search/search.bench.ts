/**
 * Index build time and search latency over generated proposals, on either engine (not part of the tests):
 *   npx node server/src/modules/search/search.bench.ts [proposals=10000] [pglite|postgres]   (RUNS=5 rounds)
 * PostgreSQL: a throwaway cluster (scripts/pg-cluster.ts). Proposals are filed over four sessions with
 * 300–2,000 characters of text composed from topic sentences, a third of them with a sent reply letter.
 * The index is built with the rebuild's batches (1,000 proposals per transaction); searches run through
 * `searchProposals` as a member (the filed record) and as proposal staff, each query several times.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { startPgCluster } from '../../../../scripts/pg-cluster.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Database } from '../../platform/db/connect.ts';
import { openPostgres } from '../../platform/db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestCommittee, createTestUser } from '../../test/factories.ts';
import { plenarySessions } from '../org/schema.ts';
import { assignments, proposals, replyLetters } from '../proposals/schema.ts';
import { reindexBatch } from './commands/reindex-committee.ts';
import { searchProposals } from './queries/search-proposals.ts';
import { searchDocuments } from './schema.ts';

const total = Number(process.argv[2] ?? 10_000);
const engine = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';

let seed = 20261122;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const topics = [
  {
    title: ['加强社区养老服务设施建设', '推进医养结合', '发展普惠养老', '完善老年助餐服务'],
    words: ['养老服务', '居家养老', '医养结合', '老年助餐', '养老护理员', '长期护理保险', '适老化改造'],
  },
  {
    title: ['推进老旧小区改造', '加快既有住宅加装电梯', '完善物业管理', '推进城市更新'],
    words: ['老旧小区改造', '加装电梯', '物业管理', '业主委员会', '管网更新', '城市更新', '背街小巷'],
  },
  {
    title: ['缓解中心城区停车难', '治理城市交通拥堵', '完善公共交通', '规范电动自行车管理'],
    words: ['停车泊位', '共享停车', '公共交通', '交通拥堵', '电动自行车', '充电桩', '慢行系统'],
  },
  {
    title: ['持续优化营商环境', '支持专精特新企业发展', '破解中小微企业融资难', '促进民营经济发展'],
    words: ['营商环境', '专精特新', '中小微企业', '融资难', '普惠金融', '一网通办', '惠企政策'],
  },
  {
    title: ['深化生活垃圾分类', '加强黑臭水体治理', '推进海绵城市建设', '做好扬尘治理'],
    words: ['垃圾分类', '黑臭水体', '雨污分流', '海绵城市', '扬尘治理', '碳达峰', '河长制'],
  },
  {
    title: ['全面推进乡村振兴', '加强高标准农田建设', '发展壮大农村集体经济', '改善农村人居环境'],
    words: ['乡村振兴', '高标准农田', '集体经济', '农村人居环境', '粮食安全', '宅基地', '和美乡村'],
  },
  {
    title: ['发展普惠托育服务', '落实课后服务', '推进职业教育产教融合', '加强学生心理健康教育'],
    words: ['普惠托育', '婴幼儿照护', '课后服务', '双减', '产教融合', '校企合作', '心理健康'],
  },
  {
    title: ['推进分级诊疗', '提升基层医疗服务能力', '做实家庭医生签约服务', '方便异地就医结算'],
    words: ['分级诊疗', '家庭医生', '医联体', '异地就医', '医保', '基层医疗', '互联网医院'],
  },
];
const frames = [
  '当前我市{w}工作取得一定成效，但{v}仍存在短板。',
  '调研发现，{w}方面群众反映较多，{v}问题比较突出。',
  '一是{w}统筹不够，二是{v}标准不统一，三是经费保障不足。',
  '建议市{u}牵头，加快完善{w}政策体系，推动{v}落地见效。',
  '据统计，全市共有{n}个社区涉及{w}，其中{v}覆盖率不足{p}%。',
  '12345热线{n}件诉求中，涉及{w}的占{p}%，{v}是主要原因。',
  '建议将{w}纳入年度民生实事项目，明确{v}责任分工和时间节点。',
];
const units = [
  '民政局',
  '住房和城乡建设局',
  '交通运输局',
  '发展和改革委员会',
  '生态环境局',
  '农业农村局',
  '教育局',
  '卫生健康委员会',
];

function paragraph(words: string[], length: number): string {
  let text = '';
  while (text.length < length) {
    text += pick(frames)
      .replace('{w}', pick(words))
      .replace('{v}', pick(words))
      .replace('{u}', pick(units))
      .replace('{n}', String(Math.floor(random() * 900) + 12))
      .replace('{p}', String(Math.floor(random() * 60) + 10));
  }
  return text;
}

async function open(): Promise<{ database: Database; stop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openTestDatabase();
    return { database, stop: () => database.close() };
  }
  const cluster = await startPgCluster();
  const database = await openPostgres(cluster.url, 4);
  return {
    database,
    stop: async () => {
      await database.close();
      await cluster.stop();
    },
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  const { database, stop } = await open();
  const db = database.db;
  const c = await createTestCommittee(db);
  const staffUser = await createTestUser(db, c, ['proposal_staff']);
  const sessions = await db
    .insert(plenarySessions)
    .values(
      [1, 2, 3, 4].map((no) => ({
        committeeId: c.id,
        termId: c.termId,
        sessionNo: no,
        openDate: `${2021 + no}-01-10`,
        closeDate: `${2021 + no}-01-14`,
        proposalDeadline: new Date(`${2021 + no}-01-13T10:00:00Z`),
      })),
    )
    .returning();
  let t0 = performance.now();
  const chunk = 500;
  let letters = 0;
  for (let i = 0; i < total; i += chunk) {
    const rows = Array.from({ length: Math.min(chunk, total - i) }, (_, j) => {
      const topic = pick(topics);
      const n = i + j + 1;
      const session = sessions[n % sessions.length]!;
      const length = 300 + Math.floor(random() * 1700);
      return {
        committeeId: c.id,
        sessionId: session.id,
        intakeNo: Math.floor(n / sessions.length) + 1,
        number: Math.floor(n / sessions.length) + 1,
        timing: 'plenary' as const,
        proposerKind: 'member_individual' as const,
        leadMemberId: c.memberIds[n % c.memberIds.length]!,
        createdByUserId: staffUser.id,
        enteredOnBehalf: true,
        title: `关于${pick(topic.title)}的建议`,
        situation: paragraph(topic.words, length * 0.4),
        analysis: paragraph(topic.words, length * 0.3),
        suggestions: paragraph(topic.words, length * 0.3),
        category: 'society' as const,
        state: 'filed' as const,
        submittedAt: new Date(Date.UTC(2021 + (n % 4), 0, 12, 2, 0, n % 60)),
        filedAt: new Date(Date.UTC(2021 + (n % 4), 1, 1)),
      };
    });
    const inserted = await db
      .insert(proposals)
      .values(rows)
      .returning({ id: proposals.id, title: proposals.title });
    const replied = inserted.filter((_, j) => j % 3 === 0);
    if (replied.length) {
      const tasks = await db
        .insert(assignments)
        .values(
          replied.map((p) => ({
            committeeId: c.id,
            proposalId: p.id,
            handlerUnitId: c.handlerUnitIds[0]!,
            mode: 'sole' as const,
            state: 'sent' as const,
            assignedByUserId: staffUser.id,
            dueOn: '2026-06-30',
          })),
        )
        .returning({ id: assignments.id, proposalId: assignments.proposalId });
      await db.insert(replyLetters).values(
        tasks.map((a) => ({
          committeeId: c.id,
          proposalId: a.proposalId,
          assignmentId: a.id,
          kind: 'reply' as const,
          body: `您提出的提案收悉。现答复如下：${paragraph(pick(topics).words, 600)}感谢您对我们工作的关心和支持。`,
          resultClass: 'A',
          draftedByUserId: staffUser.id,
          sentAt: new Date('2026-05-01T02:00:00Z'),
        })),
      );
      letters += tasks.length;
    }
  }
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  let after: string | undefined;
  do {
    const progress = await db.transaction((tx) => reindexBatch(tx, c.id, after));
    after = progress.next ?? undefined;
  } while (after);
  const buildMs = performance.now() - t0;
  const [docs] = await db
    .select({
      n: sql<number>`count(*)::int`,
      size: sql<number>`avg(pg_column_size(${searchDocuments.tsv}))::int`,
      raw: sql<number>`avg(octet_length(${searchDocuments.tsv}::text))::int`,
    })
    .from(searchDocuments);
  await db.execute(sql`analyze`);

  const member: Actor = {
    userId: staffUser.id,
    committeeId: c.id,
    username: 'bench',
    displayName: 'bench',
    grants: [{ role: 'member', scopeId: c.memberIds[0]! }],
    mustChangePassword: false,
    sessionId: 'bench',
  };
  const staff: Actor = { ...member, grants: [{ role: 'proposal_staff', scopeId: null }] };
  const queries = [
    '养老',
    '停车',
    '营商环境',
    '老旧小区改造',
    '"加装电梯"',
    '医养结合 护理员',
    '12345热线 诉求',
    '垃圾分类 经费',
    '乡村振兴 集体经济',
    '"建议将普惠托育纳入"',
    '互联网医院',
    '充电桩 电动自行车',
  ];
  const runs = Number(process.env.RUNS ?? 5);
  const results: string[] = [];
  for (const [label, actor] of [
    ['member', member],
    ['staff', staff],
  ] as const) {
    const times: number[] = [];
    const hits: number[] = [];
    for (const q of queries) await searchProposals(db, actor, { q, page: 1, pageSize: 20 }); // warm-up
    for (let r = 0; r < runs; r++) {
      for (const q of queries) {
        const s = performance.now();
        const res = await searchProposals(db, actor, { q, page: 1, pageSize: 20 });
        times.push(performance.now() - s);
        if (r === 0) hits.push(res.total);
      }
    }
    results.push(
      `${label.padEnd(7)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  ` +
        `max ${Math.max(...times).toFixed(1)} ms  (hits per query ${Math.min(...hits)}–${Math.max(...hits)})`,
    );
  }
  console.log(`engine ${engine}: ${total} proposals + ${letters} reply letters → ${docs?.n} index rows`);
  console.log(`tsvector: ${docs?.size} bytes stored on average (${docs?.raw} as text)`);
  console.log(`load (plain inserts) ${(loadMs / 1000).toFixed(1)} s`);
  console.log(
    `index build (segment + write, batches of 1,000) ${(buildMs / 1000).toFixed(1)} s = ${Math.round(total / (buildMs / 1000))} proposals/s`,
  );
  for (const line of results) console.log(`search ${line}`);
  console.log(`memory: rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  await stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
