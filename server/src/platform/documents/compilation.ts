import {
  AlignmentType,
  Bookmark,
  InternalHyperlink,
  LineRuleType,
  NumberFormat,
  PageReference,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  blankLine,
  bodyParagraph,
  cnFont,
  FIRST_LINE_INDENT,
  gongwenDocument,
  gongwenSection,
  headingParagraph,
  packDocx,
  text,
  titleParagraphs,
} from './gongwen.ts';
import {
  BLOCK,
  chineseDate,
  FONT,
  LINE,
  lineCount,
  type MeasuredParagraph,
  mm,
  pageCount,
  parseBodyBlocks,
  SIZE,
  titleLineHeight,
  titleLines,
} from './layout.ts';

/** One proposal of the 提案汇编. */
export interface CompilationProposal {
  /** 提案号: "0001", or 1 (printed as 0001). */
  number: string | number;
  /** 案由. */
  title: string;
  /** 提案人：王建国　联名：李明、张华 — or 提案人：民盟同心市委员会 for a collective proposal; "\n" for more lines. */
  proposerLine: string;
  /** Shown in the table of contents; taken from `proposerLine` when absent (王建国等, 民盟同心市委员会). */
  proposerName?: string;
  /** 经济, 政治, 文化, 社会, 生态文明 … (printed after 类别：). */
  category: string;
  /** 主办：同心市教育局；会办：同心市财政局, printed as it is; a bare list of units gets 办理单位： before it. */
  handlersLine?: string;
  situation: string;
  analysis: string;
  suggestions: string;
}

export interface ProposalCompilation {
  /** 政协同心市委员会. */
  committeeName: string;
  /** 第十四届第四次会议. */
  sessionName: string;
  /** YYYY-MM-DD, printed on the cover in Chinese numerals. */
  compiledAt: string;
  /** Default: the committee's 提案委员会 (政协同心市委员会提案委员会). */
  compilerName?: string;
  proposals: CompilationProposal[];
}

const SECTIONS = [
  ['一、情况', 'situation'],
  ['二、分析', 'analysis'],
  ['三、建议', 'suggestions'],
] as const;

type Numbered = CompilationProposal & { no: string; anchor: string };
/** A paragraph and how the page model measures it, built together so they cannot disagree. */
type Piece = { paragraph: Paragraph; measure: MeasuredParagraph };

/**
 * The session's 提案汇编 as one Word file: a cover; a table of contents with each proposal's number, 案由 (a link
 * to it), proposer and page; then every proposal on pages of its own with proposer, category, handling units and
 * its 情况 / 分析 / 建议. The page column is made of PAGEREF fields written with the pages the layout model works
 * out ({@link pageCount}); Word recomputes them with 更新域 (F9).
 */
export async function proposalCompilationDocx(input: ProposalCompilation): Promise<Buffer> {
  const proposals: Numbered[] = input.proposals.map((p, i) => ({
    ...p,
    no: proposalNumber(p.number),
    anchor: `p${i + 1}`,
  }));
  const pieces = proposals.map((p, i) => proposalPieces(p, i === 0));
  const startPages = new Map<string, number>();
  let page = 1;
  pieces.forEach((ps, i) => {
    startPages.set(proposals[i]!.anchor, page);
    page += pageCount(ps.map((p) => p.measure));
  });

  const doc = gongwenDocument({
    title: `${input.committeeName}${input.sessionName}提案汇编`,
    // The pages come from the model above rather than from docx/layout, which takes ~75 ms a proposal.
    pageNumbers: () => ({
      bookmarks: new Map([...startPages].map(([k, v]) => [k, String(v)])),
      bookmarkPageNumbers: startPages,
    }),
    paragraphStyles: [
      {
        id: 'TocCell',
        name: 'TOC cell',
        run: { font: cnFont(FONT.fangsong), size: SIZE.si * 2 },
        paragraph: { spacing: { line: 420, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
    ],
    sections: [
      gongwenSection({ pageNumbers: false, children: cover(input) }),
      gongwenSection({
        pageNumberStart: 1,
        pageNumberFormat: NumberFormat.UPPER_ROMAN,
        children: [
          ...titleParagraphs('目\u3000\u3000录'),
          blankLine(),
          tableOfContents(proposals),
          blankLine(),
        ],
      }),
      gongwenSection({ pageNumberStart: 1, children: pieces.flat().map((p) => p.paragraph) }),
    ],
  });
  return packDocx(doc);
}

/** "0001" for 1; numbers given as text are printed as they are. */
export function proposalNumber(n: string | number): string {
  return typeof n === 'number' ? String(n).padStart(4, '0') : n.trim();
}

/** The proposer as the table of contents shows it: the first name, 等 when there are co-signers. */
export function shortProposer(p: Pick<CompilationProposal, 'proposerLine' | 'proposerName'>): string {
  if (p.proposerName?.trim()) return p.proposerName.trim();
  const line = p.proposerLine.trim();
  const afterLabel = line.replace(/^(第一)?(提案人|提案单位|领衔人)[:：]\s*/, '');
  const first = afterLabel.split(/[\s\u3000；;]|联名/)[0] ?? '';
  const names = first.split(/[、，,]/).filter(Boolean);
  const more = names.length > 1 || /联名|附议/.test(line);
  return `${names[0] ?? first}${more ? '等' : ''}`;
}

function cover(input: ProposalCompilation): Paragraph[] {
  const centred = (value: string, font: string, size: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, after: 0, line: Math.round(size * 20 * 1.5), lineRule: LineRuleType.EXACT },
      children: [text(value, { font, size })],
    });
  const compiler = input.compilerName?.trim() || `${input.committeeName}提案委员会`;
  return [
    centred(input.committeeName, FONT.xiaobiaosong, SIZE.yi, mm(30)),
    centred(input.sessionName, FONT.xiaobiaosong, SIZE.yi, mm(4)),
    centred('提案汇编', FONT.xiaobiaosong, SIZE.chu, mm(25)),
    centred(compiler, FONT.kaiti, SIZE.san, mm(75)),
    centred(chineseDate(input.compiledAt), FONT.kaiti, SIZE.san, mm(3)),
  ];
}

const COLUMNS = [1100, BLOCK.width - 1100 - 2500 - 900, 2500, 900];

function cell(children: ParagraphChild[], width: number, centred = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        style: 'TocCell',
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        children,
      }),
    ],
  });
}

function tableOfContents(proposals: Numbered[]): Table {
  const small = (value: string, font: string = FONT.fangsong) => text(value, { size: SIZE.si, font });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['编号', '案由', '提案人', '页码'].map((h, i) =>
      cell([small(h, FONT.heiti)], COLUMNS[i]!, true),
    ),
  });
  const rows = proposals.map(
    (p) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([small(p.no)], COLUMNS[0]!, true),
          cell([new InternalHyperlink({ anchor: p.anchor, children: [small(p.title.trim())] })], COLUMNS[1]!),
          cell([small(shortProposer(p))], COLUMNS[2]!),
          cell([new PageReference(p.anchor)], COLUMNS[3]!, true),
        ],
      }),
  );
  return new Table({
    width: { size: BLOCK.width, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function proposalPieces(p: Numbered, first: boolean): Piece[] {
  const line = (value: string, font: string, keepNext = false): Piece => ({
    paragraph: new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext,
      children: [text(value, { font })],
    }),
    measure: { lines: lineCount(value, { size: SIZE.san }), lineHeight: LINE, keepNext },
  });
  const blank: Piece = { paragraph: blankLine(), measure: { lines: 1, lineHeight: LINE } };

  const numberLine = line(`第${p.no}号`, FONT.heiti, true);
  numberLine.paragraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    // The first proposal follows a section break, which already starts a page.
    pageBreakBefore: !first,
    outlineLevel: 0,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    children: [new Bookmark({ id: p.anchor, children: [text(`第${p.no}号`, { font: FONT.heiti })] })],
  });
  const titles = titleParagraphs(p.title).map((paragraph, i) => ({
    paragraph,
    measure: {
      lines: lineCount(titleLines(p.title, SIZE.er)[i] ?? '', { size: SIZE.er }),
      lineHeight: titleLineHeight(SIZE.er),
      keepNext: true,
    },
  }));
  const metaLines = p.proposerLine
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  metaLines.push(`类别：${p.category.trim()}`);
  const handlers = p.handlersLine?.trim();
  if (handlers)
    metaLines.push(/^(办理单位|主办|会办|独办|分办)/.test(handlers) ? handlers : `办理单位：${handlers}`);

  const out: Piece[] = [numberLine, ...titles, blank, ...metaLines.map((m) => line(m, FONT.kaiti)), blank];
  for (const [heading, key] of SECTIONS) {
    out.push({
      paragraph: headingParagraph(1, heading),
      measure: { lines: 1, lineHeight: LINE, keepNext: true },
    });
    for (const b of parseBodyBlocks(p[key])) {
      const keepNext = b.kind !== 'paragraph' && b.text === '';
      out.push({
        paragraph:
          b.kind === 'paragraph'
            ? bodyParagraph(b.text)
            : headingParagraph(b.kind === 'heading1' ? 1 : 2, b.heading, b.text),
        measure: {
          lines: lineCount(b.heading + b.text, { size: SIZE.san, firstIndent: FIRST_LINE_INDENT }),
          lineHeight: LINE,
          keepNext,
        },
      });
    }
  }
  return out;
}
