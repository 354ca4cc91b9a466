import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeForSearch } from './normalize.ts';
import { stopWords } from './stop-words.ts';
import { customWordFrequency, governmentVocabulary } from './vocabulary.ts';

/** One token of normalized text: the word and where it stands (UTF-16 offsets into the normalized text). */
export interface Token {
  word: string;
  start: number;
  end: number;
  /** A part of a longer word that search mode adds (民政 and 政局 of 民政局), not a word of the cut. */
  part: boolean;
}

/**
 * Chinese segmentation with one dictionary: jieba's, the government vocabulary and (per committee) the
 * words an administrator added. HMM is off on every path: unknown words fall apart into single
 * characters the same way in documents and in queries, instead of being guessed differently by context.
 */
export interface Segmenter {
  /** Words for the index: `cutForSearch`, i.e. every word of the cut plus its dictionary parts. */
  tokensForIndex(text: string): Token[];
  /** Words of a query: `cut`. */
  tokensForQuery(text: string): Token[];
  /** The same two on text already normalized (offsets then refer to that text). */
  segmentNormalized(text: string, mode: 'index' | 'query'): Token[];
  /**
   * The index tokens of a normalized text that are among `words` (what highlighting looks for): the same
   * as `segmentNormalized(text, 'index')` kept to those words, from one plain cut instead of two cuts.
   */
  indexTokensAmong(text: string, words: ReadonlySet<string>): Token[];
  /**
   * The dictionary parts of one (normalized) word, stop words included, with offsets inside the word:
   * what the word is made of when another text was cut into smaller pieces.
   */
  partsOf(word: string): Token[];
  /** Adds words at once (the admin's dictionary): new indexing and queries use them. */
  addWords(words: readonly string[]): void;
  /** The admin words this segmenter was given (not the built-in vocabulary). */
  readonly extraWords: ReadonlySet<string>;
}

/** The longest token kept; longer runs (URLs, hashes) are not something anyone searches for. */
const maxTokenLength = 40;
const meaningful = /[\p{L}\p{N}]/u;

/** Whether a token is worth indexing or querying: has a letter or digit, is no stop word, is not huge. */
export function isSearchable(word: string): boolean {
  return word.length <= maxTokenLength && meaningful.test(word) && !stopWords.has(word) && !/\s/.test(word);
}

function dictionaryLines(words: readonly string[]): Uint8Array {
  const lines = words
    .map((w) => normalizeForSearch(w).trim())
    .filter((w) => w.length > 0 && !/\s/.test(w))
    .map((w) => `${w} ${customWordFrequency}\n`);
  return Buffer.from(lines.join(''));
}

/** `cut` with offsets: jieba's cut returns every character of the input, in order. */
function cutWithOffsets(jieba: Jieba, text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const word of jieba.cut(text, false)) {
    out.push({ word, start: at, end: at + word.length, part: false });
    at += word.length;
  }
  return out;
}

/**
 * `cutForSearch` with offsets. jieba's search mode emits, for each word of the cut, its dictionary
 * two-grams and three-grams (in order of position) and then the word itself, so the output lines up
 * with the cut word by word.
 */
function searchWithOffsets(jieba: Jieba, text: string): Token[] {
  const words = cutWithOffsets(jieba, text);
  const out: Token[] = [];
  let i = 0;
  let cursor = new Map<string, number>();
  for (const word of jieba.cutForSearch(text, false)) {
    const current = words[i];
    if (!current) break;
    if (word === current.word) {
      out.push(current);
      i += 1;
      cursor = new Map();
      continue;
    }
    const from = cursor.get(word) ?? 0;
    const at = current.word.indexOf(word, from);
    if (at < 0) return words; // never seen; the plain cut is still a correct (smaller) index
    cursor.set(word, at + 1);
    out.push({ word, start: current.start + at, end: current.start + at + word.length, part: true });
  }
  return i === words.length ? out : words;
}

/**
 * Search mode without asking jieba twice: `cutForSearch` emits, before each word of the cut longer than two
 * characters, its two-character substrings that are dictionary words, and before each longer than three,
 * its three-character ones — so a wanted word stands in the search tokens where the cut has it whole, or
 * where it is such a substring of a cut word. Whether a wanted word is in the dictionary is asked once:
 * search mode on the word written twice has it exactly when it is (`cutAll` would not tell: it keeps a run
 * of letters whole, xy as much as b超).
 */
function indexTokensAmong(
  jieba: Jieba,
  inDictionary: (word: string) => boolean,
  text: string,
  words: ReadonlySet<string>,
): Token[] {
  const grams = new Set([...words].filter((w) => [2, 3].includes([...w].length) && inDictionary(w)));
  const out: Token[] = [];
  for (const t of cutWithOffsets(jieba, text)) {
    const chars = [...t.word];
    if (grams.size > 0 && chars.length > 2) {
      // UTF-16 offset of each character (a character outside the BMP takes two units).
      const at: number[] = [0];
      for (const c of chars) at.push(at.at(-1)! + c.length);
      for (const n of chars.length > 3 ? [2, 3] : [2]) {
        for (let i = 0; i + n <= chars.length; i++) {
          const gram = t.word.slice(at[i], at[i + n]);
          if (grams.has(gram)) {
            out.push({ word: gram, start: t.start + at[i]!, end: t.start + at[i + n]!, part: true });
          }
        }
      }
    }
    if (words.has(t.word)) out.push(t);
  }
  return out.filter((t) => isSearchable(t.word));
}

function build(jieba: Jieba, extra: Set<string>): Segmenter {
  const segmentNormalized = (text: string, mode: 'index' | 'query') =>
    (mode === 'index' ? searchWithOffsets(jieba, text) : cutWithOffsets(jieba, text)).filter((t) =>
      isSearchable(t.word),
    );
  // Cleared when words are added: a word may join the dictionary.
  const dictionaryWords = new Map<string, boolean>();
  const inDictionary = (word: string) => {
    let known = dictionaryWords.get(word);
    if (known === undefined) {
      known = jieba.cutForSearch(word + word, false).includes(word);
      dictionaryWords.set(word, known);
    }
    return known;
  };
  return {
    tokensForIndex: (text) => segmentNormalized(normalizeForSearch(text), 'index'),
    tokensForQuery: (text) => segmentNormalized(normalizeForSearch(text), 'query'),
    segmentNormalized,
    indexTokensAmong: (text, words) => indexTokensAmong(jieba, inDictionary, text, words),
    partsOf: (word) => searchWithOffsets(jieba, word).filter((t) => t.end - t.start < word.length),
    addWords(words) {
      const fresh = [...new Set(words.map((w) => normalizeForSearch(w).trim()))].filter(
        (w) => w.length > 0 && !/\s/.test(w) && !extra.has(w),
      );
      if (fresh.length === 0) return;
      jieba.loadDict(dictionaryLines(fresh));
      for (const w of fresh) extra.add(w);
      dictionaryWords.clear();
    },
    extraWords: extra,
  };
}

function newJieba(): Jieba {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(dictionaryLines(governmentVocabulary));
  return jieba;
}

let base: Segmenter | undefined;

/**
 * The shared segmenter with jieba's dictionary and the government vocabulary, loaded once per process
 * (about 0.2 s and 40 MB). It never receives admin words; committees with words of their own get a
 * segmenter of their own (`createSegmenter`).
 */
export function baseSegmenter(): Segmenter {
  base ??= build(newJieba(), new Set());
  return base;
}

/** A segmenter of its own (its own jieba instance) with extra words on top of the built-in ones. */
export function createSegmenter(extraWords: readonly string[] = []): Segmenter {
  const seg = build(newJieba(), new Set());
  seg.addWords(extraWords);
  return seg;
}

/** Index tokens of a text with the built-in dictionary (`cutForSearch`). */
export function tokensForIndex(text: string): Token[] {
  return baseSegmenter().tokensForIndex(text);
}

/** Query tokens of a text with the built-in dictionary (`cut`). */
export function tokensForQuery(text: string): Token[] {
  return baseSegmenter().tokensForQuery(text);
}
