/** Text as search sees it, with the way back to the original characters (for highlighting). */
export interface NormalizedText {
  /** NFKC (full-width ＡＢＣ１２３ → ABC123, compatibility ideographs → unified ones), then lower case. */
  text: string;
  /** For each UTF-16 unit of `text`: where its source character starts in the original. */
  sourceStart: number[];
  /** For each UTF-16 unit of `text`: where its source character ends in the original. */
  sourceEnd: number[];
}

const cache = new Map<string, string>();

function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Plain ASCII and CJK unified ideographs are the bulk of every text: no table lookup for them.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  let out = cache.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFKC').toLowerCase();
    if (cache.size < 10_000) cache.set(ch, out);
  }
  return out;
}

/**
 * Normalizes character by character (never across characters), so every normalized unit maps back to
 * exactly one source character. Index, query and highlighter all go through here: the same text gives
 * the same tokens on every path and on both database engines.
 */
export function normalizeText(source: string): NormalizedText {
  let text = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let i = 0;
  for (const ch of source) {
    const n = normalizeChar(ch);
    text += n;
    for (let k = 0; k < n.length; k++) {
      sourceStart.push(i);
      sourceEnd.push(i + ch.length);
    }
    i += ch.length;
  }
  return { text, sourceStart, sourceEnd };
}

/** Just the normalized string. */
export function normalizeForSearch(source: string): string {
  let text = '';
  for (const ch of source) text += normalizeChar(ch);
  return text;
}
