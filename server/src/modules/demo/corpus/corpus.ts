/**
 * The proposal corpus shared by the demo data and the benchmarks: `count` proposals over `sessions`
 * sessions, each one a pure function of (seed, index) — the same text on every run and in any order, so a
 * benchmark can stream 200,000 of them in chunks and a recall check can rebuild any one it needs.
 *
 * Sessions are contiguous blocks of indexes (a multiple of 20 each, the last one possibly shorter). Within
 * every block of 20 indexes:
 *   3   a paraphrase of a proposal of an earlier session (the twin was answered last year or before); in
 *       the first session, an original
 *   11  a paraphrase of index − 7, in the same session (a 并案 candidate)
 *   15  a hard negative of index − 5: another topic whose title names the same topic word
 *   the rest originals.
 * So 10 % of the proposals are near-duplicates (the national committee merged 451 of 5,865 in one year) and
 * 5 % are hard negatives; `groundTruth` lists them.
 */
import { createRng, type Rng } from '../prng.ts';
import { type Angle, composeDraft, type Draft, pickAngle, render } from './compose.ts';
import { type ParaphraseVariant, paraphrase, paraphraseVariants } from './paraphrase.ts';
import { titleSuffixes, titleVerbs } from './sentences.ts';
import { type Category, categoryWeights, type Topic, topics, topicsByCategory } from './topics.ts';

export type CorpusKind = 'original' | 'paraphrase' | 'hard_negative';

export interface CorpusProposal {
  index: number;
  /** 0-based session of the corpus (its block of indexes). */
  session: number;
  kind: CorpusKind;
  /** The original a paraphrase re-writes, or the proposal a hard negative resembles. */
  twinOf: number | null;
  variant: ParaphraseVariant | null;
  topic: Topic;
  category: Category;
  subCategory: string;
  /** The lead unit that would answer it, then the topic's other units. */
  units: readonly string[];
  /** The terms of its angle (a reply letter is written about them). */
  angle: Angle;
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
}

export interface CorpusPair {
  index: number;
  twinOf: number;
  kind: 'paraphrase' | 'hard_negative';
  sameSession: boolean;
  variant: ParaphraseVariant | null;
}

export interface CorpusOptions {
  count: number;
  sessions: number;
  seed?: number;
  /** Year of each session (for the facts' years); 2022, 2023 … by default. */
  years?: readonly number[];
}

export interface Corpus {
  count: number;
  sessions: number;
  /** Indexes per session (the last session may hold fewer). */
  perSession: number;
  sessionOf(index: number): number;
  /** The first index of a session. */
  sessionStart(session: number): number;
  proposal(index: number): CorpusProposal;
  /** Every near-duplicate and hard negative, in index order. */
  groundTruth(): CorpusPair[];
}

export const defaultCorpusSeed = 20260214;
const maxLength = 3_000;

/** Characters of the three sections as rendered (numbering and line breaks included). */
const length = (d: Draft) => {
  const t = render(d);
  return t.situation.length + t.analysis.length + t.suggestions.length;
};

/** A seed of its own for every index (and purpose), so any proposal can be rebuilt alone. */
function rngFor(seed: number, index: number, salt: number): Rng {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return createRng((h ^ (h >>> 13)) >>> 0);
}

export function createCorpus(o: CorpusOptions): Corpus {
  const seed = o.seed ?? defaultCorpusSeed;
  const sessions = Math.max(1, o.sessions);
  const perSession = Math.max(20, Math.ceil(o.count / sessions / 20) * 20);
  const sessionOf = (i: number) => Math.min(sessions - 1, Math.floor(i / perSession));
  const yearOf = (s: number) => o.years?.[s] ?? 2022 + s;

  /** The topic, angle and units of an original (also what its paraphrases and hard negatives start from). */
  const originalDraft = (i: number): { angle: Angle; draft: Draft } => {
    const rng = rngFor(seed, i, 1);
    const category = rng.weighted(categoryWeights);
    const topic = rng.pick(topicsByCategory.get(category)!);
    const angle = pickAngle(rng, topic, yearOf(sessionOf(i)));
    return { angle, draft: composeDraft(rng, angle) };
  };

  const roleOf = (i: number): { kind: CorpusKind; twinOf: number | null } => {
    const slot = i % 20;
    const s = sessionOf(i);
    if (slot === 3 && s > 0) {
      // Mostly last session's, sometimes two or three sessions back.
      const rng = rngFor(seed, i, 2);
      const back = Math.min(
        s,
        rng.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const),
      );
      return { kind: 'paraphrase', twinOf: i - back * perSession - 1 };
    }
    if (slot === 11) return { kind: 'paraphrase', twinOf: i - 7 };
    if (slot === 15) return { kind: 'hard_negative', twinOf: i - 5 };
    return { kind: 'original', twinOf: null };
  };

  const variantOf = (i: number): ParaphraseVariant => paraphraseVariants[rngFor(seed, i, 3).int(0, 2)]!;

  const proposal = (index: number): CorpusProposal => {
    if (index < 0 || index >= o.count) throw new RangeError(`corpus index ${index} out of 0…${o.count - 1}`);
    const role = roleOf(index);
    let angle: Angle;
    let draft: Draft;
    let variant: ParaphraseVariant | null = null;
    if (role.kind === 'paraphrase') {
      const twin = originalDraft(role.twinOf!);
      variant = variantOf(index);
      angle = { ...twin.angle, year: yearOf(sessionOf(index)) };
      draft = paraphrase(rngFor(seed, index, 4), twin.draft, angle, variant);
    } else if (role.kind === 'hard_negative') {
      ({ angle, draft } = hardNegative(
        rngFor(seed, index, 5),
        originalDraft(role.twinOf!).angle,
        yearOf(sessionOf(index)),
      ));
    } else {
      ({ angle, draft } = originalDraft(index));
    }
    // The generated lengths stay within 300–3,000 characters: a long copy loses its last units.
    while (length(draft) > maxLength && draft.suggestions.length > 1) draft.suggestions.pop();
    while (length(draft) > maxLength && draft.analysis.length > 1) draft.analysis.pop();
    const text = render(draft);
    const topic = angle.topic;
    return {
      index,
      session: sessionOf(index),
      kind: role.kind,
      twinOf: role.twinOf,
      variant,
      topic,
      category: topic.category,
      subCategory: topic.subCategory,
      units: [angle.unit, ...topic.units.filter((u) => u !== angle.unit)],
      angle,
      title: draft.title,
      ...text,
    };
  };

  return {
    count: o.count,
    sessions,
    perSession,
    sessionOf,
    sessionStart: (s) => s * perSession,
    proposal,
    groundTruth() {
      const pairs: CorpusPair[] = [];
      for (let i = 0; i < o.count; i++) {
        const role = roleOf(i);
        if (role.kind === 'original') continue;
        pairs.push({
          index: i,
          twinOf: role.twinOf!,
          kind: role.kind,
          sameSession: sessionOf(i) === sessionOf(role.twinOf!),
          variant: role.kind === 'paraphrase' ? variantOf(i) : null,
        });
      }
      return pairs;
    },
  };
}

/**
 * A proposal about something else that names the other one's topic word in its title — "关于在养老服务中
 * 加强食品安全监管的建议" beside a proposal on 养老服务 — and mentions it once in its text: a keyword
 * match, not a duplicate.
 */
function hardNegative(rng: Rng, other: Angle, year: number): { angle: Angle; draft: Draft } {
  const candidates = topics.filter(
    (x) => x.subCategory !== other.topic.subCategory && x.noun !== other.topic.noun,
  );
  const topic = rng.pick(candidates);
  const angle = pickAngle(rng, topic, year);
  const draft = composeDraft(rng, angle);
  draft.title =
    `关于在${other.topic.noun}领域${rng.pick(titleVerbs)}${rng.pick(topic.titles)}${rng.pick(titleSuffixes)}`.slice(
      0,
      100,
    );
  draft.situation.splice(
    1,
    0,
    `${topic.noun}与${other.topic.noun}工作密切相关，${other.terms[0]}等场所也涉及${angle.terms[0]}问题。`,
  );
  return { angle, draft };
}
