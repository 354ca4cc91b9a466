/**
 * Building blocks for 党政机关公文 laid out as GB/T 9704-2012 asks: A4, a 156 × 225 mm text block of 22 lines ×
 * 28 characters, 仿宋_GB2312 三号 body, 方正小标宋简体 二号 title, red 版头 and rule, 落款 with the date in Chinese
 * numerals, 版记 and "— 1 —" page numbers. Reply letters, the 提案汇编, notices and reports are made of these.
 *
 * Every run names its East Asian font in `w:eastAsia` (Word and WPS take the Chinese font from there, not from
 * `w:ascii`) and a Latin font for digits and letters. The 方正 and _GB2312 fonts are what Chinese offices have
 * installed; elsewhere Word, WPS and LibreOffice fall back to another Song/Fangsong face.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IFontAttributesProperties,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type PageNumberEstimator,
  LineRuleType,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  CHAR,
  CONDENSE,
  chineseDate,
  FONT,
  LINE,
  mm,
  PAGE,
  parseBodyBlocks,
  SIZE,
  titleLineHeight,
  titleLines,
} from './layout.ts';

export { CHAR, chineseDate, FONT, LINE, mm, PAGE, parseBodyBlocks, SIZE, titleLines } from './layout.ts';

export const RED = 'FF0000';

/** The font of a run: the Chinese face in `eastAsia`, a Latin face for everything else. */
export function cnFont(eastAsia: string, latin: string = FONT.latin): IFontAttributesProperties {
  // hint=eastAsia: quotes, dashes and ellipses are drawn full width in the Chinese face, as Chinese text expects.
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' };
}

export interface RunStyle {
  font?: string;
  latin?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  color?: string;
}

/** A run of text with its fonts; 三号 runs are condensed so that 28 characters fill a line. */
export function text(value: string, style: RunStyle = {}): TextRun {
  const size = style.size ?? SIZE.san;
  return new TextRun({
    text: value,
    font: cnFont(style.font ?? FONT.fangsong, style.latin),
    size: size * 2,
    bold: style.bold,
    color: style.color,
    characterSpacing: size === SIZE.san ? CONDENSE : undefined,
  });
}

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Two characters: Word shows "2 字符" and takes it as 2 × 16 pt, as the page model and LibreOffice do. */
export const FIRST_LINE_INDENT = 2 * SIZE.san * 20;
const firstLine2 = { firstLineChars: 200, firstLine: FIRST_LINE_INDENT };

/** An empty line of body height (公文 counts vertical space in lines: "空二行"). */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exact(), children: [] });
}

/** A body paragraph: 仿宋_GB2312 三号, first line indented two characters, justified. */
export function bodyParagraph(children: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLine2,
    spacing: exact(),
    children: typeof children === 'string' ? [text(children)] : children,
  });
}

/**
 * A heading inside the body: level 1 "一、" in 黑体, level 2 "（一）" in 楷体_GB2312, both 三号 and indented like
 * the body. `rest` is the text that follows the heading in the same paragraph ("一、关于…。我局…").
 */
export function headingParagraph(level: 1 | 2, heading: string, rest = ''): Paragraph {
  const font = level === 1 ? FONT.heiti : FONT.kaiti;
  const children = [text(heading, { font })];
  if (rest) children.push(text(rest));
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLine2,
    spacing: exact(),
    keepNext: rest === '',
    children,
  });
}

/** Body text (see {@link parseBodyBlocks}) as paragraphs. */
export function bodyParagraphs(body: string): Paragraph[] {
  return parseBodyBlocks(body).map((b) =>
    b.kind === 'paragraph'
      ? bodyParagraph(b.text)
      : headingParagraph(b.kind === 'heading1' ? 1 : 2, b.heading, b.text),
  );
}

/** The title: 方正小标宋简体 二号, centred, broken into lines by {@link titleLines}. */
export function titleParagraphs(title: string, size: number = SIZE.er): Paragraph[] {
  return titleLines(title, size).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(titleLineHeight(size)),
        keepNext: true,
        children: [text(line, { font: FONT.xiaobiaosong, size })],
      }),
  );
}

/** A flush-left line without indent: the 主送机关 or salutation ("王建国委员："), or a mark such as 答复类别. */
export function flushLeft(value: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({ spacing: exact(), children: [text(value, style)] });
}

export interface RedHeaderOptions {
  unitName: string;
  /** 发文字号 such as 同教函〔2025〕12号, centred two lines below the unit's name. */
  docNumber?: string;
  /** Space above the name; GB/T 9704 puts it 35 mm below the top of the text block. */
  spaceAboveMm?: number;
}

/**
 * 版头: the issuing unit's name in red 方正小标宋简体 (as large as fits, up to 48 pt), the 文号 two lines below it,
 * and the red rule 4 mm under the 文号, as wide as the text block.
 */
export function redHeader({ unitName, docNumber = '', spaceAboveMm = 35 }: RedHeaderOptions): Paragraph[] {
  const size = Math.max(SIZE.er, Math.min(48, Math.floor(440 / Math.max(1, [...unitName].length))));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: mm(spaceAboveMm),
        after: 0,
        line: Math.round(size * 20 * 1.25),
        lineRule: LineRuleType.EXACT,
      },
      children: [text(unitName, { font: FONT.xiaobiaosong, size, color: RED })],
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(),
      border: { bottom: { style: BorderStyle.SINGLE, color: RED, size: 12, space: 11 } },
      children: [text(docNumber)],
    }),
  ];
}

/**
 * 落款: the unit's name centred over the date, the date four characters in from the right margin (where the seal
 * goes over both), two blank lines below the body for the seal.
 */
export function signOff(unitName: string, isoDate: string): Paragraph[] {
  const date = chineseDate(isoDate);
  const dateIndent = 4 * CHAR;
  const nameIndent = Math.max(
    0,
    Math.round(dateIndent + (([...date].length - [...unitName].length) / 2) * CHAR),
  );
  const line = (value: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right },
      spacing: exact(),
      keepNext: true,
      children: [text(value)],
    });
  return [blankLine(), blankLine(), line(unitName, nameIndent), line(date, dateIndent)];
}

/** 附注 (contact person, "此件公开发布"…): on the line after the date, two characters in, in parentheses. */
export function note(value: string): Paragraph {
  return bodyParagraph(`（${value}）`);
}

/**
 * 版记 with the 抄送 line: 仿宋 四号 between two rules as wide as the text block, one character in on each side,
 * wrapped lines aligned after the colon. It floats to the bottom of the last page, where GB/T 9704 puts it.
 */
export function copiesToBlock(copiesTo: string[]): Table {
  const line = `抄送：${copiesTo.join('，')}。`;
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  const charSi = SIZE.si * 20;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: mm(5),
    },
    borders: {
      top: rule,
      bottom: rule,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { left: charSi, right: charSi, top: 40, bottom: 40 },
            children: [
              new Paragraph({
                indent: { left: 3 * charSi, hanging: 3 * charSi },
                spacing: exact(),
                children: [text(line, { size: SIZE.si })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SIZE.si * 20 } : { left: SIZE.si * 20 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: cnFont(FONT.songti, FONT.songti),
            size: SIZE.si * 2,
          }),
        ],
      }),
    ],
  });
}

export interface SectionOptions {
  children: ISectionOptions['children'];
  /** Print "— n —" page numbers, right on odd pages and left on even ones. Default true. */
  pageNumbers?: boolean;
  pageNumberStart?: number;
  pageNumberFormat?: (typeof NumberFormat)[keyof typeof NumberFormat];
}

/**
 * A section on the GB/T 9704 page: A4, 37/35/28/26 mm margins. The 22 lines come from the exact line pitch, not from
 * a document grid: LibreOffice snaps every line to a grid, the 版头 and titles included, where Word does not.
 */
export function gongwenSection(options: SectionOptions): ISectionOptions {
  const numbered = options.pageNumbers ?? true;
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        // Page number 7 mm below the text block.
        margin: { ...PAGE.margin, header: mm(15), footer: mm(22), gutter: 0 },
        pageNumbers:
          options.pageNumberStart || options.pageNumberFormat
            ? { start: options.pageNumberStart, formatType: options.pageNumberFormat ?? NumberFormat.DECIMAL }
            : undefined,
      },
    },
    footers: numbered
      ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
      : // A footer needs a paragraph, even an empty one, or Word calls the file damaged.
        {
          default: new Footer({ children: [new Paragraph({})] }),
          even: new Footer({ children: [new Paragraph({})] }),
        },
    children: options.children,
  };
}

export interface GongwenDocumentOptions {
  title: string;
  description?: string;
  sections: ISectionOptions[];
  /** Works out the pages of bookmarks, so PAGEREF fields are written with their numbers (see `docx/layout`). */
  pageNumbers?: PageNumberEstimator;
  /** Extra paragraph styles, such as a smaller size for table cells. */
  paragraphStyles?: IParagraphStyleOptions[];
}

/** The document: 仿宋_GB2312 三号 at the exact line pitch as the default, Chinese as the East Asian language. */
export function gongwenDocument(options: GongwenDocumentOptions): Document {
  const { title, description, sections, pageNumbers, paragraphStyles } = options;
  return new Document({
    creator: '同心',
    title,
    description,
    evenAndOddHeaderAndFooters: true,
    pageNumbers,
    styles: {
      default: {
        document: {
          run: {
            font: cnFont(FONT.fangsong),
            size: SIZE.san * 2,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: exact() },
        },
      },
      paragraphStyles,
    },
    sections,
  });
}

/** The .docx bytes of a document. */
export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
