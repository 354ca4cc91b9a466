import { normalizeForSearch } from './normalize.ts';
import { baseSegmenter, type Segmenter } from './segmenter.ts';

/** A part of a document: its text and its weight in the rank (A = title). */
export interface DocumentField {
  text: string;
  weight?: 'A' | 'B' | 'C' | 'D';
}

export interface IndexedDocument {
  /** The tsvector literal, to be sent as a bound parameter and cast with `::tsvector`. */
  tsv: string;
  /** The tsvector of the first field alone (the title), same positions and weight. */
  firstTsv: string;
  /** The words of the cut (no search-mode parts), space-joined: the document as words, for similarity. */
  tokens: string;
}

/** PostgreSQL's limits: positions 1–16383, at most 256 positions per lexeme. */
const maxPosition = 16_383;
const maxPositionsPerLexeme = 256;
/** Characters between two fields, more than any phrase is long: a phrase never spans two fields. */
const fieldGap = 200;

/**
 * Builds a document's tsvector in the app. Positions are character offsets (+1), not word numbers: a word
 * and its search-mode parts sit where they are in the text (民政局 at 10, 民政 at 10, 政局 at 11), so a
 * phrase matches however either side was cut. A generated `to_tsvector('simple', tokens)` column can
 * only number tokens one after another, which puts 民政局's parts between it and the next word and breaks
 * every phrase across a long word. Text past position 16,383 stays findable by word (PostgreSQL keeps
 * its last position), not by phrase.
 */
export function toTsVector(fields: DocumentField[], seg: Segmenter = baseSegmenter()): IndexedDocument {
  const positions = new Map<string, string[]>();
  const words: string[] = [];
  let offset = 0;
  let firstTsv = '';
  for (const field of fields) {
    const text = normalizeForSearch(field.text);
    const weight = field.weight && field.weight !== 'D' ? field.weight : '';
    for (const t of seg.segmentNormalized(text, 'index')) {
      if (!t.part) words.push(t.word);
      const list = positions.get(t.word) ?? [];
      if (list.length >= maxPositionsPerLexeme) continue;
      list.push(`${Math.min(offset + t.start + 1, maxPosition)}${weight}`);
      positions.set(t.word, list);
    }
    if (offset === 0) firstTsv = literal(positions);
    offset += text.length + fieldGap;
  }
  return { tsv: literal(positions), firstTsv, tokens: words.join(' ') };
}

function literal(positions: Map<string, string[]>): string {
  return [...positions]
    .map(([word, list]) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${list.join(',')}`)
    .join(' ');
}
