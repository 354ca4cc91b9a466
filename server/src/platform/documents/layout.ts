/**
 * The measures of the GB/T 9704-2012 page and the text rules of 公文, without `docx`: sizes, the Chinese date, body
 * headings, title breaking, and a model of how Word breaks lines and pages for the simple layouts built here (used to
 * write the page numbers of the 提案汇编's table of contents).
 */

/** Font names as Chinese Windows installs them. */
export const FONT = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
  latin: 'Times New Roman',
} as const;

/** Chinese type sizes (字号) in points. */
export const SIZE = {
  chu: 42,
  xiaochu: 36,
  yi: 26,
  xiaoyi: 24,
  er: 22,
  xiaoer: 18,
  san: 16,
  xiaosan: 15,
  si: 14,
};

/** Millimetres to twips (1/1440 inch), rounded: Word stores page geometry in twips. */
export const mm = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);

/** GB/T 9704 page: A4 with the 版心 (156 × 225 mm) placed 37 mm from the top and 28 mm from the left. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;

/** Width and height of the text block in twips. */
export const BLOCK = {
  width: PAGE.width - PAGE.margin.left - PAGE.margin.right,
  height: PAGE.height - PAGE.margin.top - PAGE.margin.bottom,
} as const;

/** 225 mm ÷ 22 lines: exact line pitch of the body in twips (28.95 pt). */
export const LINE = 579;
/**
 * 28 三号 characters are 448 pt, 6 pt wider than the 156 mm text block, so body runs are condensed by 0.25 pt a
 * character (w:spacing, in twips). Word's character grid would do the same, but LibreOffice gives every character
 * two grid cells when the cell is narrower than the font.
 */
export const CONDENSE = -5;
/** Width of one body character in twips (15.75 pt), for indents counted in characters. */
export const CHAR = SIZE.san * 20 + CONDENSE;
/** Exact line height of a title line of the given size (1.6 lines), never less than a body line. */
export const titleLineHeight = (size: number): number => Math.max(LINE, Math.round(size * 20 * 1.6));

/** A date as 公文 write it: `chineseDate('2025-06-10')` → 二〇二五年六月十日. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a date: ${iso}`);
  const digits = '〇一二三四五六七八九';
  const year = [...m[1]!].map((d) => digits[Number(d)]).join('');
  const small = (n: number) =>
    n < 10 ? digits[n] : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
  return `${year}年${small(month)}月${small(day)}日`;
}

export interface BodyBlock {
  kind: 'heading1' | 'heading2' | 'paragraph';
  heading: string;
  text: string;
}

const HEADING1 = /^[一二三四五六七八九十]{1,3}、/;
const HEADING2 = /^[（(][一二三四五六七八九十]{1,3}[)）]/;

/**
 * Splits body text into paragraphs (one per non-empty line; blank lines between paragraphs are optional) and finds
 * the "一、" and "（一）" headings. A heading line that goes on after its first "。" keeps only that sentence as
 * the heading, as 公文 set "一、总体要求。……" with the heading in 黑体 and the rest in 仿宋.
 */
export function parseBodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!line) continue;
    const kind = HEADING1.test(line) ? 'heading1' : HEADING2.test(line) ? 'heading2' : 'paragraph';
    if (kind === 'paragraph') {
      blocks.push({ kind, heading: '', text: line });
      continue;
    }
    const stop = line.indexOf('。');
    const cut = stop >= 0 && stop < line.length - 1 ? stop + 1 : line.length;
    blocks.push({ kind, heading: line.slice(0, cut), text: line.slice(cut) });
  }
  return blocks;
}

const EAST_ASIAN =
  /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u30ff\u3130-\u318f\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
/** Quotes, dashes and the ellipsis: full width, since every run has hint="eastAsia". */
const FULL_WIDTH_PUNCTUATION = /[\u2014\u2018-\u201f\u2026]/u;
// Word's lists for simplified Chinese: what may not start a line, and what may not end one.
const NO_LINE_START = new Set([
  ...'!%),.:;?]}¢°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠',
]);
const NO_LINE_END = new Set([...'$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥']);

const isWide = (ch: string) => EAST_ASIAN.test(ch) || FULL_WIDTH_PUNCTUATION.test(ch);

/** Width of text in points: CJK and full-width punctuation one em, the rest half (Times New Roman digits). */
export function textWidth(value: string, size: number): number {
  let w = 0;
  for (const ch of value) w += isWide(ch) ? size : size / 2;
  return w;
}

const BREAK_AFTER = ['会议', '关于', '提案', '建议', '意见', '，', '、', '的', '和', '与', '及'];

/**
 * Lines of a title too long for one: GB/T 9704 wants a long title broken where the sense allows, in a 梯形 or 菱形,
 * never inside a word or number. Tries breaks after 会议, 关于, 的 … where both lines fit, and keeps the one whose
 * first line is longer than the second by the least. Titles with their own "\n" are kept as they are.
 */
export function titleLines(title: string, size: number, width: number = BLOCK.width / 20): string[] {
  const given = title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (given.length !== 1 || textWidth(given[0]!, size) <= width) return given;
  const line = given[0]!;
  let best: { at: number; score: number } | null = null;
  for (const token of BREAK_AFTER) {
    for (let i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + 1)) {
      const at = i + token.length;
      const a = textWidth(line.slice(0, at), size);
      const b = textWidth(line.slice(at), size);
      if (at >= line.length || a > width || b > width) continue;
      // A longer first line (正梯形) is preferred; a longer second line is allowed at a cost.
      const score = a >= b ? a - b : (b - a) * 2;
      if (!best || score < best.score) best = { at, score };
    }
  }
  return best ? [line.slice(0, best.at), line.slice(best.at)] : [line];
}

export interface LineMeasure {
  /** Points. */
  size: number;
  /** Indent of the first line, twips. */
  firstIndent?: number;
  /** Twips; default the text block. */
  width?: number;
}

/**
 * How many lines Word gives a paragraph: it breaks between Chinese characters but not inside runs of Latin letters
 * or digits, and never before 。，）》 … or after （《“ … (its 避头尾 lists for simplified Chinese). 三号 text is
 * condensed as {@link CONDENSE} says.
 */
export function lineCount(
  value: string,
  { size, firstIndent = 0, width = BLOCK.width }: LineMeasure,
): number {
  const chars = [...value];
  if (chars.length === 0) return 1;
  const spacing = size === SIZE.san ? CONDENSE : 0;
  const w = chars.map((ch) => (ch === ' ' ? size * 5 : isWide(ch) ? size * 20 : size * 10) + spacing);
  const canBreakBefore = (i: number) => {
    const before = chars[i - 1]!;
    const after = chars[i]!;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
    return before === ' ' || isWide(before) || isWide(after) || (before === '-' && !/\d/.test(after));
  };
  let lines = 1;
  let avail = width - firstIndent;
  let x = 0;
  let lineStart = 0;
  let lastBreak = -1;
  let xAtBreak = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i > lineStart && canBreakBefore(i)) {
      lastBreak = i;
      xAtBreak = x;
    }
    x += w[i]!;
    // Spaces at the end of a line hang in the margin.
    if (x <= avail || chars[i] === ' ') continue;
    lines++;
    avail = width;
    if (lastBreak > lineStart) {
      lineStart = lastBreak;
      x -= xAtBreak;
    } else {
      lineStart = i;
      x = w[i]!;
    }
    lastBreak = -1;
  }
  return lines;
}

/** A paragraph as the page model sees it. */
export interface MeasuredParagraph {
  lines: number;
  /** Exact line height, twips. */
  lineHeight: number;
  /** Kept on the page of the next paragraph's first line (headings). */
  keepNext?: boolean;
}

/** Lines of a paragraph that must share a page with the heading kept with it: all of up to three, else two. */
const firstLinesKept = (p: MeasuredParagraph) => (p.lines <= 3 ? p.lines : 2);

/**
 * Pages a run of paragraphs fills when it starts at the top of a page, as Word lays them out: exact line heights,
 * widow and orphan control (on in Word unless a file turns it off, and the files built here leave it alone), and
 * headings kept with the first lines of what follows them.
 */
export function pageCount(paragraphs: MeasuredParagraph[], height: number = BLOCK.height): number {
  let pages = 1;
  let y = 0;
  const newPage = () => {
    pages++;
    y = 0;
  };
  paragraphs.forEach((p, i) => {
    if (p.keepNext && y > 0) {
      let need = 0;
      let j = i;
      for (; paragraphs[j]?.keepNext; j++) need += paragraphs[j]!.lines * paragraphs[j]!.lineHeight;
      const next = paragraphs[j];
      if (next) need += firstLinesKept(next) * next.lineHeight;
      // A chain taller than a page is laid out as if it were not kept together.
      if (y + need > height && need <= height) newPage();
    }
    let left = p.lines;
    let firstPart = true;
    while (left > 0) {
      const fits = Math.floor((height - y) / p.lineHeight);
      if (left <= fits) {
        y += left * p.lineHeight;
        break;
      }
      let kept = fits;
      if (left >= 2) {
        if (left - kept === 1) kept--; // no widow: the last line never goes alone to the next page
        if (firstPart && kept === 1) kept = 0; // no orphan: nor the first line alone at the foot of a page
      }
      if (kept <= 0 && y === 0) kept = Math.max(1, fits);
      left -= kept;
      if (kept > 0) firstPart = false;
      newPage();
    }
  });
  return pages;
}
