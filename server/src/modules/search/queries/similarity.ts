import { isSearchable, type Segmenter } from '../../../platform/text/segmenter.ts';

/**
 * The arithmetic of "how alike are two proposals", shared by the similar-proposals query, the 并案
 * candidates and the handler-unit suggestion. Texts are compared as bags of jieba words (`cut`, stop words
 * out — the index's `tokens` column holds exactly that), each word weighted by its idf in the committee's
 * corpus (`corpus-stats.ts`), so 养老 or 加装电梯 count and 加强 / 推进 / 我市, which every proposal says,
 * hardly do.
 */

/**
 * Sparse weighted vector: word ids (`WordIds`) in ascending order with their weights, and its Euclidean
 * norm. Sorted arrays, not maps: two vectors are compared by walking both once (`cosine`), with no hashing.
 */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** How often each word occurs: word ids in ascending order, with their counts. */
export interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

const partsMemo = new WeakMap<Segmenter, Map<string, string[]>>();

/** A word's dictionary parts (居家养老 → 居家, 养老), remembered per segmenter across queries. */
function partsOf(seg: Segmenter, word: string): string[] {
  let memo = partsMemo.get(seg);
  if (!memo || memo.size > 200_000) {
    memo = new Map();
    partsMemo.set(seg, memo);
  }
  let parts = memo.get(word);
  if (!parts) {
    parts =
      word.length > 2
        ? seg
            .partsOf(word)
            .map((t) => t.word)
            .filter(isSearchable)
        : [];
    memo.set(word, parts);
  }
  return parts;
}

/**
 * The words of one comparison (a query and the texts it is compared with) as small integers, each with its
 * idf and its parts looked up once. A body's rerank counts and pairs some 150,000 words: as numbers in
 * sorted arrays instead of strings in maps, the rerank of a 2,000-character body went from 40–45 ms to
 * 28–34 ms (bench database, 200,000 proposals), with the same scores.
 */
export class WordIds {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #idf: number[] = [];
  readonly #parts: (readonly number[] | undefined)[] = [];
  readonly seg: Segmenter;
  readonly #idfOf: (word: string) => number;

  constructor(seg: Segmenter, idfOf: (word: string) => number) {
    this.seg = seg;
    this.#idfOf = idfOf;
  }

  id(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      id = this.#words.length;
      this.#ids.set(word, id);
      this.#words.push(word);
      this.#idf.push(Number.NaN);
      this.#parts.push(undefined);
    }
    return id;
  }

  ids(words: readonly string[]): number[] {
    const out: number[] = [];
    for (const w of words) if (w) out.push(this.id(w));
    return out;
  }

  word(id: number): string {
    return this.#words[id]!;
  }

  idf(id: number): number {
    let x = this.#idf[id]!;
    if (Number.isNaN(x)) {
      x = this.#idfOf(this.#words[id]!);
      this.#idf[id] = x;
    }
    return x;
  }

  /**
   * Words with their dictionary parts (居家养老 → 居家养老, 居家, 养老), as the full-text index holds them:
   * jieba cuts one text 居家养老 and its paraphrase 居家 / 社区养老, and only the parts show they agree.
   */
  withParts(ids: readonly number[]): number[] {
    const out: number[] = [];
    for (const id of ids) {
      let parts = this.#parts[id];
      if (!parts) {
        parts = this.ids(partsOf(this.seg, this.#words[id]!));
        this.#parts[id] = parts;
      }
      out.push(id);
      for (const p of parts) out.push(p);
    }
    return out;
  }

  /** A tally per word id, zero between calls of `counts`. */
  #tally = new Int32Array(0);

  /**
   * Word counts of a list of this table's ids: tallied in one array indexed by id, then only the distinct
   * ids sorted (a long text's ~1,500 words with parts are ~500 distinct ones).
   */
  counts(list: readonly number[]): TermCounts {
    if (this.#tally.length < this.#words.length) {
      this.#tally = new Int32Array(Math.max(1024, 2 * this.#words.length));
    }
    const tally = this.#tally;
    const seen: number[] = [];
    for (const id of list) if (tally[id]!++ === 0) seen.push(id);
    const ids = Int32Array.from(seen).sort();
    const counts = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      counts[i] = tally[ids[i]!]!;
      tally[ids[i]!] = 0;
    }
    return { ids, counts };
  }
}

/**
 * tf-idf with a sublinear tf (1 + ln tf): a word repeated twenty times in a long text is a topic, not
 * twenty times the evidence.
 */
export function vectorOf(counts: TermCounts, words: WordIds): TermVector {
  const ids = new Int32Array(counts.ids.length);
  const weights = new Float64Array(counts.ids.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < counts.ids.length; i++) {
    const id = counts.ids[i]!;
    const weight = (1 + Math.log(counts.counts[i]!)) * words.idf(id);
    if (weight > 0) {
      ids[n] = id;
      weights[n] = weight;
      sum += weight * weight;
      n += 1;
    }
  }
  return { ids: ids.subarray(0, n), weights: weights.subarray(0, n), norm: Math.sqrt(sum) };
}

/** The `keep` heaviest words of a vector (comparing many documents pairwise), still in id order. */
export function heaviest(v: TermVector, keep: number): TermVector {
  if (v.ids.length <= keep) return v;
  const order = Array.from(v.ids.keys())
    .sort((a, b) => v.weights[b]! - v.weights[a]!)
    .slice(0, keep)
    .sort((a, b) => a - b);
  const weights = Float64Array.from(order, (i) => v.weights[i]!);
  let sum = 0;
  for (const x of weights) sum += x * x;
  return { ids: Int32Array.from(order, (i) => v.ids[i]!), weights, norm: Math.sqrt(sum) };
}

/** Cosine of two vectors, 0–1 (weights are never negative). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/** Share of the query's weight that the document contains (a short title against a long text). */
export function coverage(query: TermVector, doc: TermCounts): number {
  let found = 0;
  let all = 0;
  let j = 0;
  for (let i = 0; i < query.ids.length; i++) {
    const id = query.ids[i]!;
    all += query.weights[i]!;
    while (j < doc.ids.length && doc.ids[j]! < id) j++;
    if (doc.ids[j] === id) found += query.weights[i]!;
  }
  return all === 0 ? 0 : found / all;
}

/** What is compared of one proposal: its title's words and all its words (title and 情况/分析/建议). */
export interface ComparedText {
  title: TermVector;
  all: TermVector;
  allCounts: TermCounts;
  /** Its pairs of adjacent words (`sequencesOf`). */
  pairs: Float64Array;
}

/**
 * The pairs of adjacent words of a text (its words in order, stop words out, as the index's `tokens`), each
 * pair one number (`pairKey`), ascending and once each. Two proposals of one topic share its words; a copy
 * — however re-worded, shortened or re-ordered — also keeps runs of the original's wording, which proposals
 * written apart do not share beyond the set phrases.
 */
export function sequencesOf(ids: readonly number[]): Float64Array {
  if (ids.length < 2) return new Float64Array(0);
  const keys = new Float64Array(ids.length - 1);
  for (let i = 1; i < ids.length; i++) keys[i - 1] = pairKey(ids[i - 1]!, ids[i]!);
  keys.sort();
  let n = 0;
  for (const k of keys) if (n === 0 || keys[n - 1] !== k) keys[n++] = k;
  return keys.subarray(0, n);
}

/** One number per ordered pair of word ids (exact while ids stay under 2^26, i.e. always). */
export function pairKey(a: number, b: number): number {
  return a * 2 ** 26 + b;
}

/**
 * How much the shared wording counts beside the shared words, when a caller looks for copies. Measured on the
 * bench's 200,000 proposals (docs/benchmarks.md): near-duplicates found in the top 5 went from 66.5 % to
 * 72 % (partial copies 35 % → 50 %), hard negatives stayed out. Not more: a proposal on the same topic
 * written apart shares few word pairs, and must stay well above `minScore`.
 */
const wordingWeight = 0.5;

/** Overlap of two sets of word pairs (`sequencesOf`), 0–1: shared pairs over the geometric mean of the sizes. */
export function sequenceOverlap(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return sharedCount(a, b) / Math.sqrt(a.length * b.length);
}

/** How many values two ascending, duplicate-free arrays have in common (one walk through both). */
export function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
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
  input: { title: TermVector | null; all: TermVector; hasBody: boolean; pairs?: Float64Array },
  doc: ComparedText,
): number {
  const titleSim = input.title ? cosine(input.title, doc.title) : 0;
  if (!input.hasBody) return 0.6 * titleSim + 0.4 * coverage(input.all, doc.allCounts);
  const whole = cosine(input.all, doc.all);
  const words = input.title ? 0.25 * titleSim + 0.75 * whole : whole;
  if (!input.pairs) return words;
  return (1 - wordingWeight) * words + wordingWeight * sequenceOverlap(input.pairs, doc.pairs);
}
