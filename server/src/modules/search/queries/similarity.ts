import { isSearchable, type Segmenter } from '../../../platform/text/segmenter.ts';

/**
 * The arithmetic of "how alike are two proposals", shared by the similar-proposals query, the 并案
 * candidates and the handler-unit suggestion. Texts are compared as bags of jieba words (`cut`, stop words
 * out — the index's `tokens` column holds exactly that), each word weighted by its idf in the committee's
 * corpus (`corpus-stats.ts`), so 养老 or 加装电梯 count and 加强 / 推进 / 我市, which every proposal says,
 * hardly do.
 */

/** Sparse weighted vector: word → weight, with its Euclidean norm. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

const partsMemo = new WeakMap<Segmenter, Map<string, string[]>>();

/**
 * Words with their dictionary parts (居家养老 → 居家养老, 居家, 养老), as the full-text index holds them:
 * jieba cuts one text 居家养老 and its paraphrase 居家 / 社区养老, and only the parts show they agree.
 */
export function withParts(seg: Segmenter, words: readonly string[]): string[] {
  let memo = partsMemo.get(seg);
  if (!memo || memo.size > 200_000) {
    memo = new Map();
    partsMemo.set(seg, memo);
  }
  const out: string[] = [];
  for (const w of words) {
    if (!w) continue;
    let parts = memo.get(w);
    if (!parts) {
      parts =
        w.length > 2
          ? seg
              .partsOf(w)
              .map((t) => t.word)
              .filter(isSearchable)
          : [];
      memo.set(w, parts);
    }
    out.push(w, ...parts);
  }
  return out;
}

/** Word counts of space-joined tokens (the index's `tokens`) or of a list of words. */
export function termCounts(words: string | readonly string[]): Map<string, number> {
  const list = typeof words === 'string' ? words.split(' ') : words;
  const out = new Map<string, number>();
  for (const w of list) if (w) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/**
 * tf-idf with a sublinear tf (1 + ln tf): a word repeated twenty times in a long text is a topic, not
 * twenty times the evidence. `keep` prunes to the heaviest words (comparing many documents pairwise).
 */
export function vectorOf(
  counts: Map<string, number>,
  idf: (word: string) => number,
  keep?: number,
): TermVector {
  let entries: [string, number][] = [];
  for (const [w, n] of counts) {
    const weight = (1 + Math.log(n)) * idf(w);
    if (weight > 0) entries.push([w, weight]);
  }
  if (keep !== undefined && entries.length > keep) {
    entries.sort((a, b) => b[1] - a[1]);
    entries = entries.slice(0, keep);
  }
  let sum = 0;
  for (const [, x] of entries) sum += x * x;
  return { weights: new Map(entries), norm: Math.sqrt(sum) };
}

/** Cosine of two vectors, 0–1 (weights are never negative). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small.weights) {
    const y = large.weights.get(w);
    if (y !== undefined) dot += x * y;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/** Share of the query's weight that the document contains (a short title against a long text). */
export function coverage(query: TermVector, doc: Map<string, number>): number {
  if (query.norm === 0) return 0;
  let found = 0;
  let all = 0;
  for (const [w, x] of query.weights) {
    all += x;
    if (doc.has(w)) found += x;
  }
  return all === 0 ? 0 : found / all;
}

/** What is compared of one proposal: its title's words and all its words (title and 情况/分析/建议). */
export interface ComparedText {
  title: TermVector;
  all: TermVector;
  allCounts: Map<string, number>;
  /** Its pairs of adjacent words (`sequencesOf`). */
  pairs: Set<string>;
}

/**
 * The pairs of adjacent words of a text (its words in order, stop words out, as the index's `tokens`). Two
 * proposals of one topic share its words; a copy — however re-worded, shortened or re-ordered — also keeps
 * runs of the original's wording, which proposals written apart do not share beyond the set phrases.
 */
export function sequencesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) if (words[i - 1] && words[i]) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * How much the shared wording counts beside the shared words, when a caller looks for copies. Measured on the
 * bench's 200,000 proposals (docs/benchmarks.md): near-duplicates found in the top 5 went from 66.5 % to
 * 72 % (partial copies 35 % → 50 %), hard negatives stayed out. Not more: a proposal on the same topic
 * written apart shares few word pairs, and must stay well above `minScore`.
 */
const wordingWeight = 0.5;

/** Overlap of two sets of word pairs, 0–1: shared pairs over the geometric mean of the sizes. */
export function sequenceOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * The similarity of a drafted text (title and/or body) to a proposal, 0–1.
 *  - title and body given: a quarter title against title, three quarters whole text against whole text;
 *    with the input's word pairs (`pairs`: looking for copies, not only for the same topic), half that and
 *    half the shared wording (`sequenceOverlap`);
 *  - body only: whole text against whole text;
 *  - title only: title against title, and how much of the title's weight the proposal's text contains
 *    (a title's few words against a long text's cosine would be small even for the same topic).
 */
export function similarity(
  input: { title: TermVector | null; all: TermVector; hasBody: boolean; pairs?: Set<string> },
  doc: ComparedText,
): number {
  const titleSim = input.title ? cosine(input.title, doc.title) : 0;
  if (!input.hasBody) return 0.6 * titleSim + 0.4 * coverage(input.all, doc.allCounts);
  const whole = cosine(input.all, doc.all);
  const words = input.title ? 0.25 * titleSim + 0.75 * whole : whole;
  if (!input.pairs) return words;
  return (1 - wordingWeight) * words + wordingWeight * sequenceOverlap(input.pairs, doc.pairs);
}
