/**
 * The submitters, run as their own process so they do not share an event loop with the server under
 * test: `node scripts/bench/proposals-submit.ts '<json SubmitSpec>'` prints one JSON SubmitResult line.
 *
 * Every submitter is a member with their own session cookie; each writes a draft (`POST /api/proposals`)
 * and submits it (`POST /api/proposals/:id/submit`), one after the other, all submitters at once. A
 * warm-up round (one pair each) runs first and is not timed; its submissions are still checked for loss.
 */
import { createRng } from '../../server/src/modules/demo/prng.ts';
import { categoryWeights, proposalText, title, topics } from './proposals-text.ts';

export interface SubmitSpec {
  base: string;
  /** One `tongxin_session=…` cookie per submitter. */
  cookies: string[];
  perSubmitter: number;
  warmupPerSubmitter: number;
  /** No submitter starts another pair after this many seconds of the timed round (a stuck server). */
  timeLimitSeconds: number;
}

export interface SubmitResult {
  /** Timed pairs that ended with 200 on the submit. */
  submitted: number;
  /** Latencies in ms of the timed submit calls, and of draft + submit together. */
  submitMs: number[];
  pairMs: number[];
  wallSeconds: number;
  /** Pairs not started because the time limit ran out. */
  skipped: number;
  /** Every proposal whose submit was answered 200, warm-up included, with the intake number it showed. */
  acknowledged: { id: string; intakeNo: number | null; state: string }[];
  failures: { step: 'draft' | 'submit'; status: number; body: string }[];
}

async function post(base: string, cookie: string, url: string, body: unknown) {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

export async function runSubmitters(spec: SubmitSpec): Promise<SubmitResult> {
  const submitMs: number[] = [];
  const pairMs: number[] = [];
  const acknowledged: SubmitResult['acknowledged'] = [];
  const failures: SubmitResult['failures'] = [];

  const pair = async (w: number, i: number, timed: boolean) => {
    const rng = createRng(0x5ab0_0000 + w * 1000 + i);
    const category = rng.weighted(categoryWeights);
    const candidates = topics.filter((tp) => tp.category === category);
    const topic = rng.pick(candidates);
    const draft = {
      proposerKind: 'member_individual',
      title: title(rng, topic),
      ...proposalText(rng, topic, topic.units[0]!, new Date().getUTCFullYear()),
      category,
      subCategory: topic.subCategory,
    };
    const t0 = performance.now();
    const created = await post(spec.base, spec.cookies[w]!, '/api/proposals', draft);
    if (created.status !== 201) {
      failures.push({ step: 'draft', status: created.status, body: created.text.slice(0, 300) });
      return;
    }
    const p = JSON.parse(created.text) as { id: string; version: number };
    const t1 = performance.now();
    const sub = await post(spec.base, spec.cookies[w]!, `/api/proposals/${p.id}/submit`, {
      expectedVersion: p.version,
    });
    const t2 = performance.now();
    if (sub.status !== 200) {
      failures.push({ step: 'submit', status: sub.status, body: sub.text.slice(0, 300) });
      return;
    }
    const view = JSON.parse(sub.text) as { state: string; intakeNo: number | null };
    acknowledged.push({ id: p.id, intakeNo: view.intakeNo, state: view.state });
    if (timed) {
      submitMs.push(t2 - t1);
      pairMs.push(t2 - t0);
    }
  };
  let skipped = 0;
  const round = (from: number, count: number, timed: boolean) => {
    const deadline = performance.now() + spec.timeLimitSeconds * 1000;
    return Promise.all(
      spec.cookies.map(async (_, w) => {
        for (let i = from; i < from + count; i++) {
          if (performance.now() > deadline) {
            skipped += from + count - i;
            return;
          }
          await pair(w, i, timed);
        }
      }),
    );
  };

  await round(0, spec.warmupPerSubmitter, false);
  const started = performance.now();
  await round(spec.warmupPerSubmitter, spec.perSubmitter, true);
  const wallSeconds = (performance.now() - started) / 1000;
  return { submitted: submitMs.length, submitMs, pairMs, wallSeconds, skipped, acknowledged, failures };
}

if (import.meta.main) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as SubmitSpec;
  const result = await runSubmitters(spec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
