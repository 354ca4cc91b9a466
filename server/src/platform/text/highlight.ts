import { normalizeText } from './normalize.ts';
import type { SearchQuery } from './query.ts';
import { baseSegmenter, type Segmenter, type Token } from './segmenter.ts';

/** A hit in the original text: [start, end) in UTF-16 units, and which query term it belongs to. */
export interface Hit {
  start: number;
  end: number;
  term: number;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML: the only markup in a highlighted snippet is the `<mark>` the app adds. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/**
 * Where the query matches a text, found the way the index matched it: the text is cut in search mode and
 * a term hits where one of its chains stands at its distances (so 养老 is not marked inside 培养老师,
 * which the index does not match either).
 */
export function findHits(source: string, query: SearchQuery, seg: Segmenter = baseSegmenter()): Hit[] {
  if (!source || query.terms.length === 0) return [];
  const norm = normalizeText(source);
  const byWord = new Map<string, Token[]>();
  for (const t of tokensNear(norm.text, query, seg)) {
    const list = byWord.get(t.word);
    if (list) list.push(t);
    else byWord.set(t.word, [t]);
  }
  const hits: Hit[] = [];
  query.terms.forEach((term, index) => {
    for (const chain of term.alternatives) {
      const [first, ...rest] = chain;
      for (const t of byWord.get(first!.lexeme) ?? []) {
        let end = t.end;
        const ok = rest.every((p) => {
          const next = byWord.get(p.lexeme)?.find((x) => x.start === t.start + p.at);
          if (next) end = Math.max(end, next.end);
          return Boolean(next);
        });
        if (ok) hits.push({ start: norm.sourceStart[t.start]!, end: norm.sourceEnd[end - 1]!, term: index });
      }
    }
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Characters jieba never cuts across: it segments each run of Han characters, letters, digits and
 * `+#&._%-` on its own, so a run cut alone gives the same tokens as the run inside the whole text.
 */
const blockBreak = /[^\p{Script=Han}\uD800-\uDFFFa-zA-Z0-9+#&._%-]/u;

/**
 * The text's tokens (search mode), cut only around where the query's chains can stand: a page of results
 * highlights 20 texts of up to 3,000 characters, and cutting them whole took most of a search's time.
 * Each chain is looked for by its longest lexeme (its anchor): a hit of the chain has the anchor at its
 * distance in the chain, so the runs under the chain's span around each place the anchor occurs hold all
 * of the hit's tokens. Anchoring on the longest keeps 非遗传承人's 人 from having every sentence cut.
 */
function tokensNear(text: string, query: SearchQuery, seg: Segmenter): Token[] {
  const anchors = new Map<string, { lexeme: string; at: number; span: number }>();
  for (const chain of query.terms.flatMap((t) => t.alternatives)) {
    const anchor = chain.reduce((a, b) => (b.lexeme.length > a.lexeme.length ? b : a));
    const span = Math.max(...chain.map((p) => p.at + p.lexeme.length));
    anchors.set(`${anchor.lexeme} ${anchor.at} ${span}`, { lexeme: anchor.lexeme, at: anchor.at, span });
  }
  const runs: [number, number][] = [];
  for (const { lexeme, at, span } of anchors.values()) {
    for (let i = text.indexOf(lexeme); i >= 0; i = text.indexOf(lexeme, i + 1)) {
      let start = Math.max(0, i - at);
      let end = Math.min(text.length, start + span);
      while (start > 0 && !blockBreak.test(text[start - 1]!)) start--;
      while (end < text.length && !blockBreak.test(text[end]!)) end++;
      runs.push([start, end]);
    }
  }
  runs.sort((a, b) => a[0] - b[0]);
  // The runs, each once, cut in one call: a line break between them is a break jieba never cuts across.
  const spans: [number, number][] = [];
  let covered = 0;
  for (const [start, end] of runs) {
    if (end <= covered) continue;
    spans.push([Math.max(start, covered), end]);
    covered = end;
  }
  if (spans.length === 0) return [];
  const lexemes = new Set(query.terms.flatMap((t) => t.alternatives.flatMap((c) => c.map((p) => p.lexeme))));
  const tokens = seg.indexTokensAmong(spans.map(([s, e]) => text.slice(s, e)).join('\n'), lexemes);
  // Back to the text's offsets: span i starts in the joined text after the spans before it and i breaks.
  let span = 0;
  let joinedStart = 0;
  for (const t of tokens) {
    while (t.start >= joinedStart + spans[span]![1] - spans[span]![0] + 1) {
      joinedStart += spans[span]![1] - spans[span]![0] + 1;
      span++;
    }
    const shift = spans[span]![0] - joinedStart;
    t.start += shift;
    t.end += shift;
  }
  return tokens;
}

/** Overlapping hits become one mark. */
function merge(hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const last = out.at(-1);
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Text [from, to) as HTML: everything escaped, hits wrapped in `<mark>`, runs of white space as one. */
export function renderHighlighted(source: string, hits: Hit[], from = 0, to = source.length): string {
  let html = '';
  let at = from;
  for (const h of merge(hits)) {
    const start = Math.max(h.start, from);
    const end = Math.min(h.end, to);
    if (end <= start) continue;
    html += escapeHtml(squash(source.slice(at, start)));
    html += `<mark>${escapeHtml(squash(source.slice(start, end)))}</mark>`;
    at = end;
  }
  return html + escapeHtml(squash(source.slice(at, to)));
}

export interface Snippet {
  html: string;
  /** Distinct query terms inside the snippet. */
  terms: number;
  hits: number;
}

/**
 * The best window of a long text around its hits (most distinct terms, then most hits), `length`
 * characters, never cutting a mark, with … where the text goes on. Without hits, its beginning.
 */
export function snippetOf(source: string, hits: Hit[], length = 90): Snippet {
  const text = source.trim() === source ? source : source.trim();
  const shift = source.indexOf(text);
  const local = hits.map((h) => ({ ...h, start: h.start - shift, end: h.end - shift }));
  if (local.length === 0) {
    const end = Math.min(text.length, length);
    return { html: renderHighlighted(text, [], 0, end) + (end < text.length ? '…' : ''), terms: 0, hits: 0 };
  }
  const lead = Math.floor(length / 5);
  let best = { from: 0, terms: -1, hits: -1 };
  for (const anchor of local) {
    // Near the end the window slides back, so a short text is shown whole.
    const from = Math.max(0, Math.min(anchor.start - lead, text.length - length));
    const inside = local.filter((h) => h.start >= from && h.end <= from + length);
    const terms = new Set(inside.map((h) => h.term)).size;
    if (terms > best.terms || (terms === best.terms && inside.length > best.hits)) {
      best = { from, terms, hits: inside.length };
    }
  }
  let to = Math.min(text.length, best.from + length);
  // A mark the window would cut ends the window after it.
  for (const h of local) if (h.start < to && h.end > to) to = h.end;
  const html =
    (best.from > 0 ? '…' : '') +
    renderHighlighted(text, local, best.from, to) +
    (to < text.length ? '…' : '');
  return { html, terms: best.terms, hits: best.hits };
}
