import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReplyLetterDoc, replyLetterDocx } from './reply-letter.ts';
import { docxParagraphs, docxPart, runText, textRuns } from './testing.ts';

const letter: ReplyLetterDoc = {
  unitName: '同心市教育局',
  docNumber: '同教函〔2025〕12号',
  title: '关于政协同心市第十四届四次会议第0001号提案的答复',
  resultClass: 'A',
  resultClassLabel: '已解决或基本解决',
  recipient: '王建国委员：',
  body: [
    '您提出的《关于加快农村寄宿制学校建设的建议》收悉。现答复如下：',
    '',
    '一、关于加强寄宿制学校建设。我局高度重视，今年已新建寄宿制学校3所。',
    '',
    '（一）加大投入',
    '',
    '2025年市财政安排专项资金5000万元。',
    '',
    '二、下一步工作',
    '',
    '感谢您对教育工作的关心和支持。',
  ].join('\n'),
  contactName: '赵敏',
  contactPhone: '0999-6012345',
  signDate: '2025-06-10',
  copiesTo: ['市政协提案委员会', '市政府督查室'],
};

describe('replyLetterDocx', () => {
  it('reads back as the letter: mark, 版头, 文号, title, salutation, body, 落款, contact, 抄送', async () => {
    const buf = await replyLetterDocx(letter);
    assert.deepEqual(await docxParagraphs(buf), [
      'A',
      '同心市教育局',
      '同教函〔2025〕12号',
      // The title is broken after 会议, where the sense allows, not inside "0001号".
      '关于政协同心市第十四届四次会议',
      '第0001号提案的答复',
      '王建国委员：',
      '您提出的《关于加快农村寄宿制学校建设的建议》收悉。现答复如下：',
      '一、关于加强寄宿制学校建设。我局高度重视，今年已新建寄宿制学校3所。',
      '（一）加大投入',
      '2025年市财政安排专项资金5000万元。',
      '二、下一步工作',
      '感谢您对教育工作的关心和支持。',
      '同心市教育局',
      '二〇二五年六月十日',
      '（联系人：赵敏　联系电话：0999-6012345）',
      '抄送：市政协提案委员会，市政府督查室。',
    ]);
  });

  it('lays out an A4 page with the GB/T 9704 margins, in twips', async () => {
    const xml = docxPart(await replyLetterDocx(letter));
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    // 37, 26, 35 and 28 mm.
    assert.match(margins, /w:top="2098"/);
    assert.match(margins, /w:right="1474"/);
    assert.match(margins, /w:bottom="1984"/);
    assert.match(margins, /w:left="1587"/);
  });

  it('names the East Asian and the Latin font on every run', async () => {
    const xml = docxPart(await replyLetterDocx(letter));
    const runs = textRuns(xml);
    assert.ok(runs.length >= 15);
    for (const run of runs) {
      // The 答复类别 mark is a Latin letter set in 黑体 too; every other run falls back to Times New Roman.
      const latin = runText(run) === 'A' ? '黑体' : 'Times New Roman';
      assert.match(
        run,
        new RegExp(`<w:rFonts w:ascii="${latin}" w:cs="${latin}" w:eastAsia="[^"]+" w:hAnsi="${latin}"`),
        run,
      );
    }
    const fontOf = (text: string) => {
      const run = runs.find((r) => runText(r) === text);
      assert.ok(run, text);
      return /w:eastAsia="([^"]+)"/.exec(run)![1];
    };
    assert.equal(fontOf('同教函〔2025〕12号'), '仿宋_GB2312');
    assert.equal(fontOf('王建国委员：'), '仿宋_GB2312');
    assert.equal(fontOf('关于政协同心市第十四届四次会议'), '方正小标宋简体');
    assert.equal(fontOf('一、关于加强寄宿制学校建设。'), '黑体');
    assert.equal(fontOf('我局高度重视，今年已新建寄宿制学校3所。'), '仿宋_GB2312');
    assert.equal(fontOf('（一）加大投入'), '楷体_GB2312');
    // 三号 body, 二号 title.
    assert.match(runs.find((r) => runText(r) === '王建国委员：')!, /<w:sz w:val="32"\/>/);
    assert.match(runs.find((r) => runText(r) === '第0001号提案的答复')!, /<w:sz w:val="44"\/>/);
  });

  it('prints the unit in red 方正小标宋简体 with a red rule under the 文号', async () => {
    const xml = docxPart(await replyLetterDocx(letter));
    const header = textRuns(xml).find((r) => runText(r) === '同心市教育局')!;
    assert.match(header, /w:eastAsia="方正小标宋简体"/);
    assert.match(header, /<w:color w:val="FF0000"\/>/);
    const docNumberParagraph = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)]
      .map((m) => m[0])
      .find((p) => p.includes('同教函〔2025〕12号'))!;
    assert.match(docNumberParagraph, /<w:pBdr><w:bottom w:val="single" w:color="FF0000"[^>]*\/><\/w:pBdr>/);
    assert.match(docNumberParagraph, /<w:jc w:val="center"\/>/);
  });

  it('keeps the body on 22 lines of 28.95 pt and indents paragraphs by two characters', async () => {
    const xml = docxPart(await replyLetterDocx(letter));
    const p = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]).find((x) => x.includes('收悉'))!;
    assert.match(p, /<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    assert.match(p, /<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  });

  it('numbers pages "— n —" in 宋体 四号, right on odd pages and left on even ones', async () => {
    const buf = await replyLetterDocx(letter);
    const settings = docxPart(buf, 'word/settings.xml');
    assert.match(settings, /<w:evenAndOddHeaders\/>/);
    for (const [part, side] of [
      ['word/footer1.xml', 'right'],
      ['word/footer2.xml', 'left'],
    ] as const) {
      const footer = docxPart(buf, part);
      assert.match(footer, new RegExp(`<w:jc w:val="${side}"/>`));
      assert.match(footer, /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      assert.match(footer, /w:eastAsia="宋体"/);
      assert.match(footer, /<w:sz w:val="28"\/>/);
      assert.equal(textRuns(footer).map(runText).join('').replace(/\s/g, ''), '——');
    }
  });

  it('writes a co-handler opinion without a result class, titled 会办意见', async () => {
    const buf = await replyLetterDocx({
      ...letter,
      isCoHandlerOpinion: true,
      recipient: '同心市住房和城乡建设局',
      copiesTo: [],
      contactName: '',
      contactPhone: '',
    });
    const paragraphs = await docxParagraphs(buf);
    assert.deepEqual(paragraphs.slice(0, 5), [
      '同心市教育局',
      '同教函〔2025〕12号',
      '关于政协同心市第十四届四次会议',
      '第0001号提案的会办意见',
      '同心市住房和城乡建设局：',
    ]);
    assert.equal(paragraphs.at(-1), '二〇二五年六月十日');
    assert.ok(!paragraphs.some((p) => p.startsWith('抄送') || p.includes('联系人')));
  });

  it('stores the result class label in the file description', async () => {
    const core = docxPart(await replyLetterDocx(letter), 'docProps/core.xml');
    assert.match(core, /<dc:description>答复类别：A（已解决或基本解决）<\/dc:description>/);
    assert.match(core, /<dc:title>关于政协同心市第十四届四次会议第0001号提案的答复<\/dc:title>/);
  });
});
