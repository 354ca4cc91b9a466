/**
 * Step 2 of planning one proposal: its timeline as offsets from the (last) submission — review stages, 交办,
 * each unit's receipt, contact, reply draft, 会签, sign-off and sending, ratings, 重新办理, closing. The
 * random draws happen in the same order as ever, so a seed gives the same data.
 */
import {
  DAY,
  type FinalState,
  filedStages,
  HOUR,
  type MemberRef,
  type Mode,
  type PlanContext,
  type Rating,
  type ReviewEvent,
  taskStages,
  type Timeline,
  type UnitPeople,
} from './proposals-plan-model.ts';

export function timeline(
  c: PlanContext,
  state: FinalState,
  units: { unit: UnitPeople; mode: Mode }[],
  cosigners: MemberRef[],
): Timeline {
  const { rng } = c;
  const reach = filedStages.indexOf(state);
  // A few were returned at 初审 first, revised and submitted again (offset 0 = the second submission).
  const returnedBefore = reach >= 0 && rng.chance(0.04);
  const firstSubmit = returnedBefore ? -rng.int(8, 25) * DAY : 0;
  const life: Timeline = {
    drafted: firstSubmit - rng.int(1, 15 * 24) * HOUR,
    firstSubmit,
    reviews: [],
    stagesDone: 0,
    decided: 0,
    converted: null,
    withdrawn: null,
    assigned: null,
    tasks: [],
    replied: null,
    rating1: null,
    rehandled: null,
    replied2: null,
    rating2: null,
    cosignerRatings: [],
    closed: null,
    closeReason: null,
    key: null,
    end: 0,
  };
  const later = (off: number | null) => {
    if (off !== null) life.end = Math.max(life.end, off);
  };
  if (returnedBefore) {
    life.reviews.push({
      stage: 0,
      recommendation: 'return_for_revision',
      decision: true,
      off: firstSubmit + rng.int(2, 6) * DAY,
      reason: null,
    });
  }

  // 审查: four stages for a decided proposal; the last one decides.
  let decision: ReviewEvent['recommendation'] | null = null;
  if (reach >= 0 || state === 'not_filed' || state === 'converted' || state === 'merged') {
    life.stagesDone = 4;
    decision = reach >= 0 ? 'file' : state === 'merged' ? 'merge' : 'not_file';
  } else if (state === 'under_review') life.stagesDone = rng.int(1, 3);
  else if (state === 'returned_for_revision') {
    life.stagesDone = rng.int(1, 3);
    decision = 'return_for_revision';
  } else if (state === 'withdrawn') life.stagesDone = rng.int(0, 2);
  let cursor = 0;
  for (let s = 0; s < life.stagesDone; s++) {
    cursor += (s === 0 ? rng.int(1, 8) : s === 2 ? rng.int(2, 10) : rng.int(1, 6)) * DAY;
    const last = s === life.stagesDone - 1;
    const recommendation =
      decision === 'return_for_revision' ? (last ? decision : 'file') : (decision ?? 'file');
    life.reviews.push({
      stage: s,
      recommendation,
      decision: last && decision !== null,
      off: cursor,
      reason: recommendation === 'not_file' ? rng.pick(['N06', 'N10', 'L01', 'L02', 'N07']) : null,
    });
  }
  life.decided = cursor;
  later(cursor);
  if (state === 'converted') {
    life.converted = cursor + rng.int(2, 10) * DAY;
    later(life.converted);
  }
  if (state === 'withdrawn') {
    life.withdrawn = cursor + rng.int(1, 6) * DAY;
    later(life.withdrawn);
  }
  if (reach >= 0 && rng.chance(0.012)) {
    life.key = cursor + rng.int(10, 40) * DAY;
    later(life.key);
  }
  if (reach >= 1) handling(c, life, reach, state, units, cosigners, later);
  return life;
}

/** 交办 to 办结: each unit's task, the replies, the ratings, 重新办理 and closing. */
export function handling(
  c: PlanContext,
  life: Timeline,
  reach: number,
  state: FinalState,
  units: { unit: UnitPeople; mode: Mode }[],
  cosigners: MemberRef[],
  later: (off: number | null) => void,
) {
  const { rng } = c;
  const assigned = life.decided + rng.int(5, 25) * DAY;
  life.assigned = assigned;
  later(assigned);
  const allSent = reach >= 3;
  const hasCo = units.some((u) => u.mode === 'co');
  for (const u of units) {
    let progress: string;
    if (reach === 1) progress = 'pending_receipt';
    else if (allSent) progress = u.mode === 'co' ? 'opinion_sent' : 'sent';
    else if (u.mode === 'co')
      progress = rng.weighted([
        ['pending_receipt', 5],
        ['handling', 45],
        ['opinion_sent', 50],
      ] as const);
    else
      progress = rng.weighted([
        ['pending_receipt', 5],
        ['handling', 35],
        ['reply_drafted', 18],
        ['cosigning', hasCo && u.mode === 'lead' ? 8 : 0],
        ['leader_signoff', 12],
        ['supervision_review', 10],
        ['sent', 18],
      ] as const);
    life.tasks.push({
      unit: u.unit,
      mode: u.mode,
      progress,
      received: null,
      contact: null,
      drafted: null,
      cosigned: null,
      signed: null,
      sent: null,
      timeliness: rng.weighted([
        ['on_time', 93],
        ['late', 4],
        ['extended', 3],
      ] as const),
      extensionAt: null,
      round2: null,
      resultClass: rng.weighted([
        ['A', 45],
        ['B', 40],
        ['C', 15],
      ] as const),
      resultClass2: rng.weighted([
        ['A', 55],
        ['B', 40],
        ['C', 5],
      ] as const),
    });
  }
  const lead = life.tasks.find((t) => t.mode === 'lead');
  const required = life.tasks.filter((t) => t.mode !== 'co');
  if (reach === 2) {
    // 办理中: some unit has signed for it, not every required reply has gone out, and once the lead
    // unit's draft is out for 会签 every co-handling unit has signed for its task.
    if (life.tasks.every((t) => t.progress === 'pending_receipt')) life.tasks[0]!.progress = 'handling';
    if (required.every((t) => t.progress === 'sent')) required[0]!.progress = 'handling';
    if (lead && taskStages.indexOf(lead.progress) >= 3) {
      for (const t of life.tasks)
        if (t.mode === 'co' && t.progress === 'pending_receipt') t.progress = 'handling';
    }
  }
  for (const t of life.tasks) {
    if (t.progress === 'pending_receipt') continue;
    t.received = assigned + rng.int(8, 144) * HOUR;
    later(t.received);
    if (t.mode === 'co') {
      if (t.progress === 'opinion_sent') {
        t.sent = t.received + rng.int(10, 28) * DAY;
        later(t.sent);
      }
      continue;
    }
    if (rng.chance(0.55)) {
      t.contact = t.received + rng.int(2, 12) * DAY;
      later(t.contact);
    }
    const rank = taskStages.indexOf(t.progress);
    // The reply is due three months after 交办 (about 90 days).
    const sendOff =
      assigned +
      (t.timeliness === 'on_time'
        ? rng.int(30, 88)
        : t.timeliness === 'late'
          ? rng.int(96, 130)
          : rng.int(95, 114)) *
        DAY;
    if (rank >= 2) {
      t.drafted = sendOff - rng.int(10, 20) * DAY;
      later(t.drafted);
      if (t.contact !== null && t.contact >= t.drafted) t.contact = t.received + DAY;
    }
    if (rank >= 5) {
      t.signed = sendOff - rng.int(1, 4) * DAY;
      later(t.signed);
    }
    if (rank >= 6) {
      t.sent = sendOff;
      later(t.sent);
    }
    // An extension, asked for and granted before the first deadline, for a reply that went out late.
    if (t.timeliness === 'extended' && (rank >= 6 || assigned + 82 * DAY <= life.end)) {
      t.extensionAt = assigned + rng.int(50, 80) * DAY;
    }
  }
  // 会签: the co-handling units agree to the lead unit's draft once it is submitted.
  if (lead?.drafted) {
    const leadRank = taskStages.indexOf(lead.progress);
    for (const t of life.tasks.filter((x) => x.mode === 'co' && x.received !== null)) {
      if (leadRank >= 4 || (leadRank === 3 && rng.chance(0.5))) {
        t.cosigned = lead.drafted + rng.int(1, 3) * DAY;
        later(t.cosigned);
      }
    }
  }
  if (!allSent) return;

  const replied = Math.max(...required.map((t) => t.sent!));
  life.replied = replied;
  later(replied);
  // Ratings: the deciding one (lead member or the collective), and the co-signers'. Evaluating: mostly
  // not rated yet, some 不满意 waiting for the office's decision.
  let overall1: Rating | null;
  let notRated = false;
  if (state === 'evaluating') overall1 = rng.chance(0.12) ? 'dissatisfied' : null;
  else if (state === 'rehandling') overall1 = 'dissatisfied';
  else {
    notRated = rng.chance(0.045);
    overall1 = notRated
      ? null
      : rng.weighted([
          ['satisfied', 72],
          ['basically_satisfied', 22],
          ['dissatisfied', 6],
        ] as const);
  }
  if (overall1) {
    life.rating1 = { off: replied + rng.int(2, 18) * DAY, overall: overall1 };
    later(life.rating1.off);
  }
  for (const member of cosigners) {
    if (rng.chance(state === 'evaluating' ? 0.3 : 0.6)) {
      const off = replied + rng.int(1, 19) * DAY;
      life.cosignerRatings.push({
        member,
        off,
        overall: rng.weighted([
          ['satisfied', 70],
          ['basically_satisfied', 25],
          ['dissatisfied', 5],
        ] as const),
      });
      later(off);
    }
  }
  if (state === 'closed') {
    if (notRated) {
      life.closeReason = 'not_rated';
      life.closed = replied + 22 * DAY;
    } else if (overall1 !== 'dissatisfied') {
      life.closeReason = 'rated';
      life.closed = life.rating1!.off;
    }
  }
  // 不满意: mostly 重新办理 (round 2), otherwise closed after consultation (协商办结).
  const rehandled =
    state === 'rehandling' || (state === 'closed' && overall1 === 'dissatisfied' && rng.chance(0.8));
  if (state === 'closed' && overall1 === 'dissatisfied' && !rehandled) {
    life.closeReason = 'consulted';
    life.closed = life.rating1!.off + rng.int(5, 15) * DAY;
  }
  if (rehandled) {
    const rehandle = life.rating1!.off + 3 * DAY;
    life.rehandled = rehandle;
    later(rehandle);
    for (const t of required) {
      if (state === 'rehandling') {
        const drafted = rng.chance(0.3) ? rehandle + rng.int(10, 40) * DAY : null;
        t.round2 = { drafted, signed: null, sent: null };
        later(drafted);
      } else {
        const drafted = rehandle + rng.int(15, 60) * DAY;
        const signed = drafted + rng.int(2, 8) * DAY;
        t.round2 = { drafted, signed, sent: signed + rng.int(1, 6) * DAY };
      }
    }
    if (state === 'closed') {
      const replied2 = Math.max(...required.map((t) => t.round2!.sent!));
      life.replied2 = replied2;
      const overall2 = rng.weighted([
        ['satisfied', 45],
        ['basically_satisfied', 40],
        ['dissatisfied', 15],
      ] as const);
      life.rating2 = { off: replied2 + rng.int(2, 15) * DAY, overall: overall2 };
      life.closeReason = overall2 === 'dissatisfied' ? 'consulted' : 'rated';
      life.closed = overall2 === 'dissatisfied' ? life.rating2.off + rng.int(5, 15) * DAY : life.rating2.off;
    }
  }
  later(life.closed);
}
