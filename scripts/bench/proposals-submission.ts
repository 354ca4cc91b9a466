/**
 * Step 2 of the proposal bench: 100 members, each signed in with their own session, draft → submit 5 times
 * at once (the submitters run in their own process, proposals-submit.ts); p50/p99, and a check in the
 * database that no acknowledged submission was lost.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { signIn } from '../../server/src/modules/auth/commands/sign-in.ts';
import {
  percentile,
  rowsOf,
  type StepContext,
  type SubmissionRun,
  submitTimeLimitSeconds,
} from './proposals-results.ts';
import type { SubmitResult, SubmitSpec } from './proposals-submit.ts';

/** Runs the submitters in their own process (scripts/bench/proposals-submit.ts). */
function submitters(spec: SubmitSpec): Promise<SubmitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(import.meta.dirname, 'proposals-submit.ts'), JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const last = out.trim().split('\n').at(-1);
      if (code !== 0 || !last) return reject(new Error(`submitters exited ${code}: ${out.slice(0, 500)}`));
      resolve(JSON.parse(last) as SubmitResult);
    });
  });
}

export async function benchSubmission(ctx: StepContext): Promise<SubmissionRun> {
  const { db, data, options: o } = ctx;
  const deadlocks = async () =>
    Number(
      (
        await rowsOf<{ n: number }>(
          db,
          sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`,
        )
      )[0]?.n ?? 0,
    );
  const deadlocksBefore = await deadlocks();
  const members = data.memberUsernames.slice(0, o.submitters);
  if (members.length < o.submitters) throw new Error(`only ${members.length} member logins`);
  // Sign-in allows 20 attempts a minute per address, so the members sign in through the sign-in
  // command itself: the same check, session row and audit row as the route, one session each.
  const tokens = await Promise.all(
    members.map(
      async (username) =>
        (
          await signIn(
            db,
            { username, password: data.password },
            { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' },
          )
        ).token,
    ),
  );
  console.log(
    `  submission: ${o.submitters} members × ${o.perSubmitter} (draft → submit), after one warm-up pair each`,
  );
  const sub = await submitters({
    base: ctx.base,
    cookies: tokens.map((tk) => `tongxin_session=${tk}`),
    perSubmitter: o.perSubmitter,
    warmupPerSubmitter: 1,
    timeLimitSeconds: submitTimeLimitSeconds,
  });
  const acked = sub.acknowledged;
  // Statistics reach the shared counters within a second of each backend's last transaction.
  await new Promise((r) => setTimeout(r, 1500));
  const deadlocksSeen = (await deadlocks()) - deadlocksBefore;
  const stored = await rowsOf<{ id: string; state: string; intake_no: number | null; session_id: string }>(
    db,
    sql`select id, state, intake_no, session_id from proposals
        where id in (select value::uuid from json_array_elements_text(${JSON.stringify(acked.map((a) => a.id))}::json))`,
  );
  const byId = new Map(stored.map((r) => [r.id, r]));
  const intakeNos = new Set<number>();
  let lost = 0;
  for (const a of acked) {
    const r = byId.get(a.id);
    const ok =
      r &&
      r.state === 'submitted' &&
      r.intake_no !== null &&
      r.intake_no === a.intakeNo &&
      r.session_id === data.currentSessionId &&
      !intakeNos.has(r.intake_no);
    if (!ok) lost++;
    if (r?.intake_no) intakeNos.add(r.intake_no);
  }
  const [sessionCount] = await rowsOf<{ n: number; top: number }>(
    db,
    sql`select count(*)::int as n, coalesce(max(intake_no), 0)::int as top from proposals
        where session_id = ${data.currentSessionId} and intake_no is not null`,
  );
  const failureKeys = [...new Set(sub.failures.map((f) => `${f.step} ${f.status}`))];
  const submission: SubmissionRun = {
    submitted: sub.submitted,
    submitP50: percentile(sub.submitMs, 50),
    submitP99: percentile(sub.submitMs, 99),
    pairP50: percentile(sub.pairMs, 50),
    pairP99: percentile(sub.pairMs, 99),
    perSecond: sub.submitted / sub.wallSeconds,
    acknowledged: acked.length,
    lost,
    failures: sub.failures.length,
    deadlocks: deadlocksSeen,
    failedStatuses: Object.fromEntries(
      failureKeys.map((k) => [k, sub.failures.filter((f) => `${f.step} ${f.status}` === k).length]),
    ),
    skipped: sub.skipped,
    wallSeconds: sub.wallSeconds,
  };
  console.log(
    `  submission: ${sub.submitted} timed submissions in ${sub.wallSeconds.toFixed(1)} s ` +
      `(${submission.perSecond.toFixed(1)}/s); submit p50 ${submission.submitP50.toFixed(0)} ms, ` +
      `p99 ${submission.submitP99.toFixed(0)} ms; draft+submit p50 ${submission.pairP50.toFixed(0)} ms, ` +
      `p99 ${submission.pairP99.toFixed(0)} ms; ${acked.length} acknowledged, ${lost} lost, ` +
      `${sub.failures.length} failed ${JSON.stringify(submission.failedStatuses)}, ${sub.skipped} not started ` +
      `(time limit), ${deadlocksSeen} deadlocks; session now holds ${sessionCount?.n} numbered 1…${sessionCount?.top}`,
  );
  for (const f of sub.failures.slice(0, 5)) console.log(`    failure: ${f.step} HTTP ${f.status} ${f.body}`);
  if (sessionCount && sessionCount.n !== sessionCount.top) {
    console.log('    warning: intake numbers of the session have gaps or duplicates');
  }
  return submission;
}
