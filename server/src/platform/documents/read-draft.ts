import mammoth from 'mammoth';
import { AppError } from '../http/app-error.ts';
import { readZipEntry, zipEntries } from './zip-entries.ts';

/** A proposal draft read from a member's Word file, for the member to check and finish in the form. */
export interface ProposalDraft {
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
  /** What could not be read as expected, in Chinese, to show above the form. */
  warnings: string[];
}

export const DRAFT_LIMITS = { title: 100, section: 20_000 } as const;
/** What the XML parts of an upload may inflate to, together: a 10 MB upload can otherwise inflate a thousandfold. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

/**
 * Reads a proposal draft from a .docx: the title (案由) and the 情况 / 分析 / 建议 sections, found by their usual
 * headings. Paragraphs are joined with "\n". Throws DOCX_INVALID when the file is not a Word 2007+ document (an old
 * .doc, a renamed text or Excel file) and PAYLOAD_TOO_LARGE when its text inflates past 64 MB.
 */
export async function readProposalDraft(buffer: Buffer): Promise<ProposalDraft> {
  assertDocx(buffer);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new AppError('DOCX_INVALID');
  }
  return parseProposalText(raw);
}

/**
 * Refuses what is not a .docx: a ZIP (`PK\x03\x04`) with `[Content_Types].xml` and `word/document.xml`. Inflates
 * the XML parts under a byte budget before mammoth does, since mammoth trusts the sizes the archive declares.
 */
export function assertDocx(buffer: Buffer): void {
  const entries = zipEntries(buffer);
  if (!entries?.has('[Content_Types].xml') || !entries.has('word/document.xml'))
    throw new AppError('DOCX_INVALID');
  let budget = MAX_XML_BYTES;
  for (const entry of entries.values()) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    let bytes: Buffer | null;
    try {
      bytes = readZipEntry(buffer, entry, budget);
    } catch (err) {
      if (err instanceof RangeError) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: MAX_XML_BYTES });
      throw new AppError('DOCX_INVALID');
    }
    if (!bytes) throw new AppError('DOCX_INVALID');
    budget -= bytes.length;
  }
}

type SectionKey = 'situation' | 'analysis' | 'suggestions';
const ORDER: SectionKey[] = ['situation', 'analysis', 'suggestions'];
const LABEL: Record<SectionKey, string> = { situation: '情况', analysis: '分析', suggestions: '建议' };

// Heading names after dropping filler words (存在的问题 → 问题, 几点建议 → 建议).
const FILLER = /的|主要|几点|具体|相关|有关|存在|当前|目前|基本|一些|若干|及其|及|和|与|、|方面|我市|提案/g;
const SECTION_NAMES: Record<SectionKey, RegExp> = {
  situation:
    /^(?:(?:情况|现状|背景|概况)(?:说明|介绍|概述|分析)?|问题提出|提出背景|现状问题|情况问题|理由|案情)$/,
  analysis: /^(?:(?:问题|困难|不足|短板)+(?:原因)?(?:分析)?|(?:原因|问题)?分析|原因)$/,
  suggestions: /^(?:对策|意见|措施|工作|办法|改进|解决)?(?:建议|对策|措施|办法|意见)+$/,
};
const NUMBERING =
  /^(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]部分[、:：]?)\s*/;

/** The section a line heads, and any text after its colon ("建议：一是…"), or null for an ordinary line. */
export function sectionHeading(line: string): { key: SectionKey; rest: string } | null {
  const numbered = NUMBERING.exec(line);
  const body = numbered ? line.slice(numbered[0].length) : line;
  const colon = /^[【[]?([^：:。；;，,！!？?【】[\]]{1,16}?)[】\]]?\s*[:：]\s*(.*)$/.exec(body);
  const name = colon ? colon[1]! : body.replace(/^[【[]|[】\]]$/g, '');
  if ([...name].length > 16) return null;
  const norm = name.replace(FILLER, '').trim();
  for (const key of ORDER)
    if (SECTION_NAMES[key].test(norm)) return { key, rest: colon ? colon[2]!.trim() : '' };
  return null;
}

const TITLE_LABEL = /^(?:案\s*由|提案(?:题目|标题|名称)|题\s*目|标\s*题)\s*(?:[:：]\s*(.*))?$/;
const DOC_HEADING = /^(?:政协.*|.*会议)?提\s*案\s*(?:[（(]?(?:稿|草稿|正文|表)[)）]?)?$|^第\s*\d+\s*号$/;
const META_LABELS =
  '(?:第一)?(?:提案人|领衔人|联名人|附议人|提案者|提交人|提案单位|联系人|联系电话|电话|手机|联系方式|通讯地址|地址|邮编|工作单位|单位|职务|界别|所属界别|类别|提案类别|编号|提案编号|日期|时间|提交日期|提交时间|电子邮箱|邮箱)';
const META_LINE = new RegExp(`^${META_LABELS}\\s*[:：]`);
const META_ONLY = new RegExp(`^${META_LABELS}$`);
const DATE_LINE =
  /^(?:\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*(?:\d{1,2}\s*日?)?|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)$/;

const isMeta = (line: string) => META_LINE.test(line) || DATE_LINE.test(line) || DOC_HEADING.test(line);

/** Splits the text of a draft into title and sections; see {@link readProposalDraft}. */
export function parseProposalText(raw: string): ProposalDraft {
  const warnings: string[] = [];
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter(Boolean);
  if (lines.length === 0) {
    return { title: '', situation: '', analysis: '', suggestions: '', warnings: ['文件中没有可读取的文字'] };
  }

  // The signature block at the end: 提案人：…, the date.
  while (lines.length > 0 && (isMeta(lines.at(-1)!) || META_ONLY.test(lines.at(-1)!))) lines.pop();

  let title = '';
  const preamble: string[] = [];
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const label = TITLE_LABEL.exec(line);
    if (!title && label) {
      title = label[1]?.trim() || (lines[i + 1] && !sectionHeading(lines[i + 1]!) ? lines[++i]! : '');
      continue;
    }
    if (body.length > 0 || sectionHeading(line)) {
      body.push(line);
      continue;
    }
    if (isMeta(line)) continue;
    // A label alone on its line is a table cell; its value is the next line.
    if (META_ONLY.test(line)) {
      const next = lines[i + 1];
      if (next && !sectionHeading(next) && !TITLE_LABEL.test(next)) i++;
      continue;
    }
    preamble.push(line);
  }
  if (!title) {
    // A 关于… line near the top, else a first line short enough to be a title.
    const head = preamble.slice(0, 5);
    let at = head.findIndex((l) => /^关于.{2,}/.test(l) && [...l].length <= 120);
    if (at < 0 && head[0] && looksLikeTitle(head[0])) at = 0;
    if (at >= 0) {
      title = preamble[at]!;
      // Short lines above it are headings of the form (the committee, 提案), not text.
      const above = preamble.slice(0, at).filter((l) => !looksLikeTitle(l));
      preamble.splice(0, at + 1, ...above);
    }
  }
  title = title.replace(/[。.；;，,]+$/, '');
  if (!title) warnings.push('未能识别提案标题（案由），请填写');

  const sections: Record<SectionKey, string[]> = { situation: [], analysis: [], suggestions: [] };
  const intro = preamble;
  let current: SectionKey | null = null;
  for (const line of body) {
    const heading = sectionHeading(line);
    // Sections come in order, so a later "（一）现状" inside the suggestions is text, not a new section.
    if (heading && (current === null || ORDER.indexOf(heading.key) > ORDER.indexOf(current))) {
      current = heading.key;
      if (heading.rest) sections[current].push(heading.rest);
      continue;
    }
    (current ? sections[current] : intro).push(line);
  }
  const found = ORDER.filter((k) => body.some((l) => sectionHeading(l)?.key === k));
  if (found.length === 0) {
    sections.situation = intro;
    warnings.push('未能识别“情况、分析、建议”分段，请核对');
  } else {
    sections.situation.unshift(...intro);
    for (const key of ORDER) if (!found.includes(key)) warnings.push(`未能识别“${LABEL[key]}”部分，请核对`);
  }

  const draft: ProposalDraft = {
    title: clip(title, DRAFT_LIMITS.title, () => warnings.push(`标题超过 ${DRAFT_LIMITS.title} 字，已截断`)),
    situation: '',
    analysis: '',
    suggestions: '',
    warnings,
  };
  for (const key of ORDER) {
    draft[key] = clip(sections[key].join('\n'), DRAFT_LIMITS.section, () =>
      warnings.push(`“${LABEL[key]}”超过 ${DRAFT_LIMITS.section} 字，已截断`),
    );
  }
  return draft;
}

function looksLikeTitle(line: string): boolean {
  if (/^关于.{2,}/.test(line) && [...line].length <= 120) return true;
  return [...line].length <= 60 && !/[。！？!?]$/.test(line) && !NUMBERING.test(line);
}

function clip(value: string, max: number, onClip: () => void): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  onClip();
  return chars.slice(0, max).join('');
}
