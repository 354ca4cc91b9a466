import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.ts';
import { parseProposalText, readProposalDraft, sectionHeading } from './read-draft.ts';
import { makeZip } from './testing.ts';

type Block = string | { heading: string } | { table: string[][] };

/** A .docx as a member's word processor would write it, built with the docx package. */
async function wordFile(blocks: Block[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    if (typeof b === 'string') return new Paragraph({ children: [new TextRun(b)] });
    if ('heading' in b)
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.heading)] });
    return new Table({
      width: { size: 9000, type: WidthType.DXA },
      rows: b.table.map(
        (cells) =>
          new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
      ),
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (err: unknown) => err instanceof AppError && err.code === code);

describe('readProposalDraft', () => {
  it('reads the title and the three sections under numbered headings, dropping the form and signature', async () => {
    const draft = await readProposalDraft(
      await wordFile([
        '政协同心市第十四届四次会议提案',
        '关于加快推进城乡供水一体化的建议',
        '提案人：王建国　联名：李明',
        '一、基本情况',
        '我市现有农村供水工程312处。',
        '覆盖人口42万人。',
        '二、存在的问题',
        '（一）管护不到位。部分工程老化。',
        '三、对策建议',
        '（一）加大投入。',
        '（二）完善机制。',
        '提案人：王建国',
        '2025年1月10日',
      ]),
    );
    assert.deepEqual(draft, {
      title: '关于加快推进城乡供水一体化的建议',
      situation: '我市现有农村供水工程312处。\n覆盖人口42万人。',
      analysis: '（一）管护不到位。部分工程老化。',
      suggestions: '（一）加大投入。\n（二）完善机制。',
      warnings: [],
    });
  });

  it('reads a 提案 form: 案由 and proposer in a table, sections as 情况：分析：建议： labels', async () => {
    const draft = await readProposalDraft(
      await wordFile([
        '提  案',
        {
          table: [
            ['案由', '关于加强老旧小区改造的建议'],
            ['提案人', '民盟同心市委员会'],
            ['联系电话', '0999-6012345'],
          ],
        },
        '情况：全市有老旧小区560个，涉及居民8.6万户。',
        '分析：改造资金缺口大。',
        '居民意见难统一。',
        '建议：一是加大财政投入；二是引入社会资本。',
      ]),
    );
    assert.deepEqual(draft, {
      title: '关于加强老旧小区改造的建议',
      situation: '全市有老旧小区560个，涉及居民8.6万户。',
      analysis: '改造资金缺口大。\n居民意见难统一。',
      suggestions: '一是加大财政投入；二是引入社会资本。',
      warnings: [],
    });
  });

  it('reads headings in Word heading styles and in brackets, and an inline 案由：', async () => {
    const draft = await readProposalDraft(
      await wordFile([
        '案由：关于发展夜间经济的提案。',
        { heading: '现状' },
        '夜间消费占比低。',
        { heading: '【问题与不足】' },
        '配套设施不足。',
        { heading: '几点建议' },
        '（一）现状',
        '建议部分里的小标题不是新的分段。',
      ]),
    );
    assert.deepEqual(draft, {
      title: '关于发展夜间经济的提案',
      situation: '夜间消费占比低。',
      analysis: '配套设施不足。',
      suggestions: '（一）现状\n建议部分里的小标题不是新的分段。',
      warnings: [],
    });
  });

  it('puts everything into 情况 and warns when no section heading is found', async () => {
    const draft = await readProposalDraft(
      await wordFile(['关于改善城区停车难的建议', '城区停车位缺口约两万个。', '建议加快建设公共停车场。']),
    );
    assert.deepEqual(draft, {
      title: '关于改善城区停车难的建议',
      situation: '城区停车位缺口约两万个。\n建议加快建设公共停车场。',
      analysis: '',
      suggestions: '',
      warnings: ['未能识别“情况、分析、建议”分段，请核对'],
    });
  });

  it('warns about a missing title, a missing section and text that was cut', async () => {
    const draft = await readProposalDraft(
      await wordFile([
        `案由：关于${'加强'.repeat(60)}的建议`,
        '一、情况',
        '甲'.repeat(20_005),
        '三、建议',
        '乙',
      ]),
    );
    assert.equal([...draft.title].length, 100);
    assert.equal(draft.situation.length, 20_000);
    assert.equal(draft.suggestions, '乙');
    assert.deepEqual(draft.warnings, [
      '未能识别“分析”部分，请核对',
      '标题超过 100 字，已截断',
      '“情况”超过 20000 字，已截断',
    ]);
    const untitled = await readProposalDraft(
      await wordFile(['一、基本情况', '我市近年来发展迅速，但也存在不少问题。']),
    );
    assert.equal(untitled.title, '');
    assert.equal(untitled.situation, '我市近年来发展迅速，但也存在不少问题。');
    assert.deepEqual(untitled.warnings, [
      '未能识别提案标题（案由），请填写',
      '未能识别“分析”部分，请核对',
      '未能识别“建议”部分，请核对',
    ]);
  });

  it('warns when the file has no text', async () => {
    assert.deepEqual((await readProposalDraft(await wordFile([]))).warnings, ['文件中没有可读取的文字']);
  });

  it('refuses a text file, an Excel workbook and an old .doc renamed .docx', async () => {
    await rejectsWith(
      readProposalDraft(Buffer.from('关于加快推进城乡供水一体化的建议\n一、情况\n')),
      'DOCX_INVALID',
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('提案').addRow(['案由', '关于加强老旧小区改造的建议']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    assert.equal(xlsx.subarray(0, 4).toString('binary'), 'PK\x03\x04');
    await rejectsWith(readProposalDraft(xlsx), 'DOCX_INVALID');
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]);
    await rejectsWith(readProposalDraft(doc), 'DOCX_INVALID');
  });

  it('refuses broken archives: truncated, without word/document.xml, or with unreadable XML', async () => {
    const good = await wordFile(['关于改善城区停车难的建议']);
    await rejectsWith(readProposalDraft(good.subarray(0, good.length - 30)), 'DOCX_INVALID');
    await rejectsWith(
      readProposalDraft(Buffer.from('PK\x03\x04 and nothing else', 'binary')),
      'DOCX_INVALID',
    );
    await rejectsWith(
      readProposalDraft(makeZip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' })),
      'DOCX_INVALID',
    );
    await rejectsWith(
      readProposalDraft(
        makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': 'not xml at all <<<' }),
      ),
      'DOCX_INVALID',
    );
  });

  it('refuses XML that inflates past 64 MB whatever size the archive declares', async () => {
    const bomb = makeZip(
      {
        '[Content_Types].xml': '<Types/>',
        'word/document.xml': Buffer.alloc(65 * 1024 * 1024, 0x20),
      },
      { declaredSize: { 'word/document.xml': 1000 } },
    );
    assert.ok(bomb.length < 200 * 1024);
    await rejectsWith(readProposalDraft(bomb), 'PAYLOAD_TOO_LARGE');
  });
});

describe('sectionHeading', () => {
  it('knows the usual headings of the three sections', () => {
    const cases: [string, string | null][] = [
      ['一、基本情况', 'situation'],
      ['一、现状', 'situation'],
      ['（一）问题的提出', 'situation'],
      ['第一部分 基本情况', 'situation'],
      ['情况：', 'situation'],
      ['二、存在的问题', 'analysis'],
      ['二、存在问题及原因分析', 'analysis'],
      ['2. 原因分析', 'analysis'],
      ['分析：', 'analysis'],
      ['三、对策建议', 'suggestions'],
      ['三、几点建议', 'suggestions'],
      ['【意见建议】', 'suggestions'],
      ['建议', 'suggestions'],
      ['建议：一是加大投入', 'suggestions'],
      ['建议市政府加大投入。', null],
      ['三、建议加大财政投入力度', null],
      ['（一）加大投入', null],
      ['我市现有农村供水工程312处。', null],
    ];
    for (const [line, key] of cases) assert.equal(sectionHeading(line)?.key ?? null, key, line);
    assert.deepEqual(sectionHeading('建议：一是加大投入'), { key: 'suggestions', rest: '一是加大投入' });
  });
});

describe('parseProposalText', () => {
  it('skips 提案人/日期 lines around the text, in Arabic and Chinese numerals', () => {
    const draft = parseProposalText(
      '提案\n\n第一提案人：王建国\n\n关于建立健全社区养老服务体系的建议\n\n一、现状及问题\n\n人口老龄化加剧。\n\n二、原因分析\n\n投入不足。\n\n三、建议\n\n增加床位。\n\n提案人：王建国\n\n二〇二五年一月十日',
    );
    assert.deepEqual(draft, {
      title: '关于建立健全社区养老服务体系的建议',
      situation: '人口老龄化加剧。',
      analysis: '投入不足。',
      suggestions: '增加床位。',
      warnings: [],
    });
  });
});
