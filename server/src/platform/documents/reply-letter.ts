import type { Paragraph, Table } from 'docx';
import {
  blankLine,
  bodyParagraphs,
  copiesToBlock,
  FONT,
  flushLeft,
  gongwenDocument,
  gongwenSection,
  note,
  packDocx,
  redHeader,
  signOff,
  titleParagraphs,
} from './gongwen.ts';

/** What a handler unit's 答复函 (or a co-handler's 会办意见) says; the module fills it from the reply letter row. */
export interface ReplyLetterDoc {
  /** 发文单位, printed in the red 版头 and in the 落款: 同心市教育局. */
  unitName: string;
  /** 文号: 同教函〔2025〕12号. */
  docNumber: string;
  /** 关于政协同心市第十四届四次会议第0001号提案的答复. */
  title: string;
  /** 答复类别 printed at the top left (A, B, C or a configured code). */
  resultClass: 'A' | 'B' | 'C' | (string & {});
  /** 已解决或基本解决 …; stored in the file's description, not printed. */
  resultClassLabel: string;
  /** 王建国委员： or 民盟同心市委员会：(a colon is added when missing). */
  recipient: string;
  /** Paragraphs, one per line; "一、" lines are level-1 headings, "（一）" lines level-2. */
  body: string;
  contactName: string;
  contactPhone: string;
  /** YYYY-MM-DD, printed in Chinese numerals. */
  signDate: string;
  /** 抄送: 市政协提案委员会, 市政府督查室 … */
  copiesTo: string[];
  /** A co-handler's opinion to the lead unit: the title ends in 的会办意见 and there is no result class. */
  isCoHandlerOpinion?: boolean;
}

/**
 * The 答复函 as a Word file in the 公文 layout: 答复类别 at the top left, red 版头 with the 文号 and rule, title,
 * salutation, body with its headings, 落款 and date, the contact person as 附注, and the 抄送 版记 at the foot
 * of the last page.
 */
export async function replyLetterDocx(letter: ReplyLetterDoc): Promise<Buffer> {
  const coHandler = letter.isCoHandlerOpinion === true;
  const title = coHandler ? coHandlerTitle(letter.title) : letter.title.trim();
  const mark = coHandler ? '' : letter.resultClass.trim();
  const recipient = letter.recipient.trim().replace(/[:：]?$/, '：');
  const contact = [
    letter.contactName.trim() && `联系人：${letter.contactName.trim()}`,
    letter.contactPhone.trim() && `联系电话：${letter.contactPhone.trim()}`,
  ]
    .filter(Boolean)
    .join('\u3000');

  const children: (Paragraph | Table)[] = [];
  // The mark takes one line, so the 版头 keeps its place 35 mm down the text block.
  if (mark) children.push(flushLeft(mark, { font: FONT.heiti, latin: FONT.heiti }));
  children.push(
    ...redHeader({ unitName: letter.unitName, docNumber: letter.docNumber, spaceAboveMm: mark ? 25 : 35 }),
  );
  children.push(blankLine(), blankLine(), ...titleParagraphs(title), blankLine(), flushLeft(recipient));
  children.push(...bodyParagraphs(letter.body));
  children.push(...signOff(letter.unitName, letter.signDate));
  if (contact) children.push(note(contact));
  const copiesTo = letter.copiesTo.map((c) => c.trim()).filter(Boolean);
  // The 版记 floats to the foot of the page in Word; applications that place it inline (LibreOffice before 7.6)
  // get a line of space above it. A document may not end with a table, and the table is anchored to the line after.
  if (copiesTo.length > 0) children.push(blankLine(), copiesToBlock(copiesTo), blankLine());

  const doc = gongwenDocument({
    title,
    description: mark ? `答复类别：${mark}（${letter.resultClassLabel}）` : '会办意见',
    sections: [gongwenSection({ children })],
  });
  return packDocx(doc);
}

function coHandlerTitle(title: string): string {
  const base = title.trim().replace(/的答复$/, '');
  return base.endsWith('的会办意见') ? base : `${base}的会办意见`;
}
