import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patchDocument } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { type CompilationProposal, proposalCompilationDocx, shortProposer } from './compilation.ts';
import { docxParagraphs, docxPart } from './testing.ts';

const proposals: CompilationProposal[] = [
  {
    number: 1,
    title: '关于加快推进城乡供水一体化的建议',
    proposerLine: '提案人：王建国　联名：李明、张华',
    category: '经济',
    handlersLine: '主办：同心市水务局；会办：同心市财政局',
    situation: '我市现有农村供水工程312处，覆盖人口42万人。',
    analysis: '部分工程建于上世纪九十年代，管网老化。\n管护经费没有稳定来源。',
    suggestions: '（一）加大投入。建议市财政设立专项资金。\n（二）完善机制。建立县级统管的管护体制。',
  },
  {
    number: '0002',
    title: '关于发展夜间经济的建议',
    proposerLine: '提案人：民盟同心市委员会',
    category: '经济',
    situation: '夜间消费占全市消费的比重偏低。',
    analysis: '配套设施不足。',
    suggestions: '规划建设夜间消费街区。',
  },
  {
    number: 3,
    title: '关于加强中小学生心理健康教育的建议',
    proposerLine: '提案人：赵敏',
    category: '社会',
    handlersLine: '同心市教育局',
    situation: '学生心理问题呈低龄化趋势。',
    analysis: '专职心理教师缺口大。',
    suggestions: '配齐专职心理教师。',
  },
];

const input = {
  committeeName: '政协同心市委员会',
  sessionName: '第十四届第四次会议',
  compiledAt: '2025-03-01',
  proposals,
};

describe('proposalCompilationDocx', () => {
  it('reads back as cover, table of contents and every proposal with its sections', async () => {
    const paragraphs = await docxParagraphs(await proposalCompilationDocx(input));
    assert.deepEqual(paragraphs, [
      '政协同心市委员会',
      '第十四届第四次会议',
      '提案汇编',
      '政协同心市委员会提案委员会',
      '二〇二五年三月一日',
      '目　　录',
      ...['编号', '案由', '提案人', '页码'],
      ...['0001', '关于加快推进城乡供水一体化的建议', '王建国等', '1'],
      ...['0002', '关于发展夜间经济的建议', '民盟同心市委员会', '2'],
      ...['0003', '关于加强中小学生心理健康教育的建议', '赵敏', '3'],
      '第0001号',
      '关于加快推进城乡供水一体化的建议',
      '提案人：王建国　联名：李明、张华',
      '类别：经济',
      '主办：同心市水务局；会办：同心市财政局',
      '一、情况',
      '我市现有农村供水工程312处，覆盖人口42万人。',
      '二、分析',
      '部分工程建于上世纪九十年代，管网老化。',
      '管护经费没有稳定来源。',
      '三、建议',
      '（一）加大投入。建议市财政设立专项资金。',
      '（二）完善机制。建立县级统管的管护体制。',
      '第0002号',
      '关于发展夜间经济的建议',
      '提案人：民盟同心市委员会',
      '类别：经济',
      '一、情况',
      '夜间消费占全市消费的比重偏低。',
      '二、分析',
      '配套设施不足。',
      '三、建议',
      '规划建设夜间消费街区。',
      '第0003号',
      '关于加强中小学生心理健康教育的建议',
      '提案人：赵敏',
      '类别：社会',
      '办理单位：同心市教育局',
      '一、情况',
      '学生心理问题呈低龄化趋势。',
      '二、分析',
      '专职心理教师缺口大。',
      '三、建议',
      '配齐专职心理教师。',
    ]);
  });

  it('starts the table of contents and each proposal on a new page, and links the contents to them', async () => {
    const xml = docxPart(await proposalCompilationDocx(input));
    // Cover, contents and proposals are sections (each starts a page); proposals after the first break the page.
    assert.equal(xml.match(/<w:sectPr>/g)?.length, 3);
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]);
    const numberLine = (no: string) => paragraphs.find((p) => p.includes(`>第${no}号<`))!;
    assert.doesNotMatch(numberLine('0001'), /<w:pageBreakBefore\/>/);
    assert.match(numberLine('0002'), /<w:pageBreakBefore\/>/);
    assert.match(numberLine('0003'), /<w:pageBreakBefore\/>/);
    for (const [i, no] of ['0001', '0002', '0003'].entries()) {
      assert.match(numberLine(no), new RegExp(`<w:bookmarkStart w:name="p${i + 1}" w:id="\\d+"/>`));
      assert.match(xml, new RegExp(`<w:hyperlink [^>]*w:anchor="p${i + 1}"`));
      assert.match(xml, new RegExp(`>PAGEREF p${i + 1}<`));
    }
    // Proposals are numbered from 1 in Arabic numerals, the contents in Roman ones.
    assert.match(xml, /<w:pgNumType w:start="1" w:fmt="upperRoman"\/>/);
    assert.match(xml, /<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
  });

  it('writes the same pages in the contents as docx/layout, which lays pages out as Word does', async () => {
    // Long, varied proposals: paragraphs break across pages, headings fall near page ends.
    const sentence = (i: number) =>
      `${'近年来我市围绕城乡供水一体化建设持续发力，'.repeat(1 + (i % 3))}2024年投入资金${i * 137}万元，覆盖“放管服”改革（含县区）。`;
    const long = Array.from({ length: 8 }, (_, k) => ({
      number: k + 1,
      title: `关于${'加快推进城乡供水一体化和'.repeat(1 + (k % 2))}农村寄宿制学校建设的建议`,
      proposerLine: '提案人：王建国',
      category: '经济',
      situation: Array.from({ length: 3 + k }, (_, i) => sentence(i + k).repeat(1 + ((i + k) % 4))).join(
        '\n',
      ),
      analysis: Array.from({ length: 2 + (k % 3) }, (_, i) => sentence(i * 7 + k)).join('\n'),
      suggestions: Array.from(
        { length: 4 },
        (_, i) => `（${'一二三四'[i]}）${sentence(i + 2 * k).repeat(2)}`,
      ).join('\n'),
    }));
    const buf = await proposalCompilationDocx({ ...input, proposals: long });
    const wide = /[\u2e80-\u9fff\uff00-\uffef\u2014\u2018-\u201f\u2026]/u;
    const estimator = estimatePageNumbersWith({
      guess: true,
      measureWidth: (text, font) =>
        [...text].reduce((w, ch) => w + (wide.test(ch) ? font.size : font.size / 2), 0),
    });
    const word = await patchDocument({
      outputType: 'nodebuffer',
      data: buf,
      patches: {},
      pageNumbers: estimator,
    });
    const pages = (b: Buffer) =>
      [...docxPart(b).matchAll(/PAGEREF (p\d+)[^<]*<\/w:instrText>.*?<w:t[^>]*>(\d*)<\/w:t>/gs)].map((m) => [
        m[1],
        m[2],
      ]);
    const ours = pages(buf);
    assert.equal(ours.length, 8);
    assert.ok(Number(ours.at(-1)![1]) > 8, 'proposals take more than a page each');
    assert.deepEqual(ours, pages(word));
  });
});

describe('shortProposer', () => {
  it('shows the first proposer, with 等 when others signed', () => {
    assert.equal(shortProposer({ proposerLine: '提案人：王建国　联名：李明、张华' }), '王建国等');
    assert.equal(shortProposer({ proposerLine: '提案人：王建国、李明' }), '王建国等');
    assert.equal(shortProposer({ proposerLine: '提案人：民盟同心市委员会' }), '民盟同心市委员会');
    assert.equal(shortProposer({ proposerLine: '赵敏' }), '赵敏');
    assert.equal(
      shortProposer({ proposerLine: '提案人：王建国', proposerName: '王建国（领衔）' }),
      '王建国（领衔）',
    );
  });
});
