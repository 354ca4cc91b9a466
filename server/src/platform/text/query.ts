import { normalizeForSearch } from './normalize.ts';
import { baseSegmenter, isSearchable, type Segmenter, type Token } from './segmenter.ts';
import { stopWords } from './stop-words.ts';

/** One lexeme of a chain, `at` characters after the chain's first lexeme. */
export interface ChainPart {
  lexeme: string;
  at: number;
}

/**
 * One thing the user asked for (a word, or a quoted phrase): found when any of its alternatives is, each
 * alternative a chain of lexemes at fixed character distances (a single word is a chain of one).
 */
export interface QueryTerm {
  /** What the user typed for it, normalized (for messages and tests). */
  text: string;
  phrase: boolean;
  alternatives: ChainPart[][];
}

/** A parsed query: every term must match (AND). */
export interface SearchQuery {
  terms: QueryTerm[];
  /** True when the input had words but all of them were stop words (建议, 提案, 的 …). */
  onlyStopWords: boolean;
}

/** Quote marks that open or close a phrase (after NFKC, ＂ is "). */
const quoteMarks = new Set(['"', '“', '”', '「', '」', '『', '』']);
const maxTerms = 32;
const maxCombinations = 8;
const asciiRun = /[a-z0-9]+/g;

/**
 * Splits a search box input into terms: quoted phrases (“老旧小区改造”, "城市 交通") and the words of
 * the rest (`cut`). Operators typed by the user (& | ! : * ( ) -) are not syntax here: they are
 * punctuation and fall away in segmentation, so no input can change the query's structure.
 *
 *  - A word of three or more characters is also searched as the chain of its dictionary parts
 *    (老旧小区 → 老旧 <2> 小区), which finds texts that were cut into smaller pieces (before an admin
 *    added the word, or where the context cut it differently).
 *  - Single characters that follow each other (an unknown name cut into 张 / 三 / 丰, a number 3.5 cut
 *    into 3 / . / 5) stay together as a phrase instead of becoming unrelated terms.
 *  - A phrase is its words at their character distances; stop words inside it keep their gap.
 */
export function parseSearchQuery(input: string, seg: Segmenter = baseSegmenter()): SearchQuery {
  const text = normalizeForSearch(input);
  const terms: QueryTerm[] = [];
  let sawWords = false;
  let inPhrase = false;
  let buffer = '';
  const flush = (phrase: boolean) => {
    const chunk = buffer;
    buffer = '';
    if (!chunk.trim()) return;
    if (/[\p{L}\p{N}]/u.test(chunk)) sawWords = true;
    if (phrase) {
      const tokens = seg.segmentNormalized(chunk, 'query');
      if (tokens.length > 0) terms.push(phraseTerm(chunk.trim(), tokens, seg));
      return;
    }
    for (const word of chunk.split(/\s+/)) {
      if (word) terms.push(...wordTerms(seg.segmentNormalized(word, 'query'), seg));
    }
  };
  for (const ch of text) {
    if (quoteMarks.has(ch)) {
      flush(inPhrase);
      inPhrase = !inPhrase;
    } else {
      buffer += ch;
    }
  }
  // An unclosed quote is not an error: what follows it is searched as plain words.
  flush(false);
  const unique = new Map<string, QueryTerm>();
  for (const term of terms) {
    const key = serializeTerm(term);
    if (!unique.has(key)) unique.set(key, term);
  }
  const kept = [...unique.values()].slice(0, maxTerms);
  return { terms: kept, onlyStopWords: kept.length === 0 && sawWords };
}

/** Terms of an unquoted word: each token alone, runs of adjacent single characters as one phrase. */
function wordTerms(tokens: Token[], seg: Segmenter): QueryTerm[] {
  const out: QueryTerm[] = [];
  let run: Token[] = [];
  const endRun = () => {
    if (run.length === 1) out.push(wordTerm(run[0]!, seg));
    else if (run.length > 1) out.push(phraseTerm(run.map((t) => t.word).join(''), run, seg));
    run = [];
  };
  for (const t of tokens) {
    const single = [...t.word].length === 1;
    const last = run.at(-1);
    // Adjacent, or one dropped character apart (3.5 → 3 / . / 5; 张的丰).
    if (single && (!last || t.start - last.end <= 1)) {
      run.push(t);
      continue;
    }
    endRun();
    if (single) run.push(t);
    else out.push(wordTerm(t, seg));
  }
  endRun();
  return out;
}

function wordTerm(t: Token, seg: Segmenter): QueryTerm {
  const chain = partsChain(t.word, seg);
  return {
    text: t.word,
    phrase: false,
    alternatives: chain ? [[{ lexeme: t.word, at: 0 }], chain] : [[{ lexeme: t.word, at: 0 }]],
  };
}

/** A phrase: the tokens at their distances; a long word in it may also be its parts (a few combinations). */
function phraseTerm(text: string, tokens: Token[], seg: Segmenter): QueryTerm {
  let combos: ChainPart[][] = [[]];
  for (const t of tokens) {
    const whole = [{ lexeme: t.word, at: t.start }];
    const parts = partsChain(t.word, seg)?.map((p) => ({ lexeme: p.lexeme, at: t.start + p.at }));
    const options = parts && combos.length * 2 <= maxCombinations ? [whole, parts] : [whole];
    combos = combos.flatMap((c) => options.map((o) => [...c, ...o]));
  }
  return {
    text,
    phrase: true,
    alternatives: combos.map((c) => c.map((p) => ({ lexeme: p.lexeme, at: p.at - c[0]!.at }))),
  };
}

/**
 * A word as the chain of its parts, when its dictionary parts (and ASCII runs) cover it end to end, with
 * stop words allowed as gaps. Words of three or more characters use parts of two or more: a single
 * Chinese character would match nearly every document's posting list and add nothing precise. A word
 * the committee's administrator added is also allowed single characters: texts indexed before it was
 * added hold it as characters (民呼我为 → 民 / 呼 / 我), and adding a word must not hide them until the
 * next rebuild.
 */
function partsChain(word: string, seg: Segmenter): ChainPart[] | null {
  const parts = seg.partsOf(word);
  const ascii = [...word.matchAll(asciiRun)]
    .filter((m) => m[0].length < word.length)
    .map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const singles: { start: number; end: number; word: string }[] = [];
  for (let i = 0; i < word.length; ) {
    const ch = String.fromCodePoint(word.codePointAt(i)!);
    singles.push({ start: i, end: i + ch.length, word: ch });
    i += ch.length;
  }
  const cover = (allowSingles: boolean) =>
    coverOf(word, [
      ...parts.filter((p) => p.end - p.start >= 2 || stopWords.has(p.word)),
      ...ascii,
      ...(allowSingles ? singles : []),
    ]);
  return (word.length >= 3 ? cover(false) : null) ?? (seg.extraWords.has(word) ? cover(true) : null);
}

/** The fewest candidates that cover the word exactly, as a chain of its searchable ones (two or more). */
function coverOf(word: string, candidates: { start: number; end: number; word: string }[]) {
  const best: (ChainPart[] | null)[] = Array.from({ length: word.length + 1 }, () => null);
  const used: number[] = Array.from({ length: word.length + 1 }, () => Number.POSITIVE_INFINITY);
  best[0] = [];
  used[0] = 0;
  for (let i = 0; i < word.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (const c of candidates) {
      if (c.start !== i || used[i]! + 1 >= used[c.end]!) continue;
      best[c.end] = isSearchable(c.word) ? [...before, { lexeme: c.word, at: c.start }] : before;
      used[c.end] = used[i]! + 1;
    }
  }
  const chain = best[word.length];
  if (!chain || chain.length < 2) return null;
  return chain.map((p) => ({ lexeme: p.lexeme, at: p.at - chain[0]!.at }));
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function serializeChain(chain: ChainPart[]): string {
  return chain
    .map((p, i) => (i === 0 ? quote(p.lexeme) : `<${p.at - chain[i - 1]!.at}> ${quote(p.lexeme)}`))
    .join(' ');
}

function serializeTerm(term: QueryTerm): string {
  const alts = term.alternatives.map(serializeChain);
  return alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`;
}

/**
 * The tsquery text of a parsed query, to be sent as a bound parameter and cast with `::tsquery`: every
 * lexeme quoted and escaped, AND between terms, `|` between a term's alternatives, `<N>` between the
 * lexemes of a chain (N = characters, since the index positions are character offsets). The cast takes
 * lexemes as they are; `to_tsquery('simple', …)` would re-parse them with PostgreSQL's parser and could
 * split a token the app made (c++, 12345热线) differently from the index. Null when there is nothing
 * to search for.
 */
export function toTsQuery(query: SearchQuery | string, opts: { segmenter?: Segmenter } = {}): string | null {
  const parsed = typeof query === 'string' ? parseSearchQuery(query, opts.segmenter) : query;
  if (parsed.terms.length === 0) return null;
  return parsed.terms.map(serializeTerm).join(' & ');
}

/**
 * The same query with every chain loosened to its lexemes joined by `&` (positions ignored): it matches
 * whatever the exact query matches and a little more. The GIN index answers it without reading the rows'
 * positions, so it is the cheap way to find and count candidates; the exact query then decides.
 */
export function toLooseTsQuery(parsed: SearchQuery): string | null {
  if (parsed.terms.length === 0) return null;
  return parsed.terms
    .map((term) => {
      const alts = [
        ...new Set(term.alternatives.map((c) => [...new Set(c.map((p) => quote(p.lexeme)))].join(' & '))),
      ];
      return alts.length === 1 ? `(${alts[0]})` : `(${alts.map((a) => `(${a})`).join(' | ')})`;
    })
    .join(' & ');
}
