import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BLOCK,
  chineseDate,
  LINE,
  lineCount,
  mm,
  PAGE,
  pageCount,
  parseBodyBlocks,
  SIZE,
  titleLines,
} from './layout.ts';

describe('chineseDate', () => {
  it('writes dates as 公文 do, with 〇 for zero', () => {
    assert.equal(chineseDate('2025-06-10'), '二〇二五年六月十日');
    assert.equal(chineseDate('2025-01-01'), '二〇二五年一月一日');
    assert.equal(chineseDate('2024-12-31'), '二〇二四年十二月三十一日');
    assert.equal(chineseDate('2030-11-20'), '二〇三〇年十一月二十日');
    assert.equal(chineseDate('2026-10-15'), '二〇二六年十月十五日');
    assert.equal(chineseDate('2025-02-22'), '二〇二五年二月二十二日');
  });

  it('refuses what is not a YYYY-MM-DD date', () => {
    for (const bad of ['2025-6-10', '2025-13-01', '2025-00-10', '2025-06-32', '二〇二五年', '']) {
      assert.throws(() => chineseDate(bad), RangeError, bad);
    }
  });
});

describe('page geometry', () => {
  it('is A4 with a 156 × 225 mm text block', () => {
    assert.deepEqual([PAGE.width, PAGE.height], [11906, 16838]);
    assert.deepEqual(PAGE.margin, { top: 2098, bottom: 1984, left: 1587, right: 1474 });
    assert.deepEqual([BLOCK.width, BLOCK.height], [8845, 12756]);
    assert.deepEqual([mm(156), mm(225)], [8844, 12756]);
    // 22 lines of the exact pitch fill the block, a 23rd does not.
    assert.ok(22 * LINE <= BLOCK.height && 23 * LINE > BLOCK.height);
  });
});

describe('parseBodyBlocks', () => {
  it('finds 一、 and （一） headings and keeps the sentence after a heading as body text', () => {
    assert.deepEqual(
      parseBodyBlocks(
        '　　您好。\r\n\r\n一、总体要求\n（一）加大投入。今年安排资金。\n(二)完善机制\n二、下一步。\n1. 其他',
      ),
      [
        { kind: 'paragraph', heading: '', text: '您好。' },
        { kind: 'heading1', heading: '一、总体要求', text: '' },
        { kind: 'heading2', heading: '（一）加大投入。', text: '今年安排资金。' },
        { kind: 'heading2', heading: '(二)完善机制', text: '' },
        { kind: 'heading1', heading: '二、下一步。', text: '' },
        { kind: 'paragraph', heading: '', text: '1. 其他' },
      ],
    );
  });
});

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    assert.deepEqual(titleLines('关于加强老旧小区改造的建议', SIZE.er), ['关于加强老旧小区改造的建议']);
  });

  it('breaks a long title where the sense allows, the first line the longer', () => {
    assert.deepEqual(titleLines('关于政协同心市第十四届四次会议第0001号提案的答复', SIZE.er), [
      '关于政协同心市第十四届四次会议',
      '第0001号提案的答复',
    ]);
  });

  it('keeps the lines a title gives itself', () => {
    assert.deepEqual(titleLines('关于政协同心市第十四届四次会议\n第0001号提案的答复\n', SIZE.er), [
      '关于政协同心市第十四届四次会议',
      '第0001号提案的答复',
    ]);
  });
});

describe('lineCount', () => {
  const han = (n: number) => '政'.repeat(n);
  const body = { size: SIZE.san };
  const indented = { size: SIZE.san, firstIndent: 2 * SIZE.san * 20 };

  it('fits 28 三号 characters on a line, 26 after the two-character indent', () => {
    assert.equal(lineCount(han(28), body), 1);
    assert.equal(lineCount(han(29), body), 2);
    assert.equal(lineCount(han(26), indented), 1);
    assert.equal(lineCount(han(27), indented), 2);
    assert.equal(lineCount(han(26 + 28 * 2), indented), 3);
    assert.equal(lineCount('', body), 1);
  });

  it('counts Latin digits as half a character and never breaks inside them', () => {
    assert.equal(lineCount(`${han(24)}2025`, indented), 1);
    // 25 characters and "2025" (two characters wide) do not fit; the number moves down whole.
    assert.equal(lineCount(`${han(25)}2025`, indented), 2);
  });

  it('keeps 。 from starting a line (避头尾)', () => {
    // 26 characters fill the first line; the 。 cannot start the next, so the 26th goes down with it.
    assert.equal(lineCount(`${han(26)}。`, indented), 2);
    assert.equal(lineCount(`${han(25)}。`, indented), 1);
  });
});

describe('pageCount', () => {
  const para = (lines: number, keepNext = false) => ({ lines, lineHeight: LINE, keepNext });

  it('fills pages of 22 lines', () => {
    assert.equal(pageCount([para(22)]), 1);
    assert.equal(pageCount([para(23)]), 2);
    assert.equal(pageCount([para(10), para(12), para(22)]), 2);
  });

  it('never leaves the last line of a paragraph alone on the next page (widow)', () => {
    // 21 lines used: a 3-line paragraph would leave 2 on the next page anyway; a 2-line one moves whole.
    assert.equal(pageCount([para(21), para(2), para(20)]), 2);
    assert.equal(pageCount([para(21), para(2), para(21)]), 3);
  });

  it('never leaves the first line of a paragraph alone at the foot of a page (orphan)', () => {
    // With one line left, a 5-line paragraph starts on the next page: 5 + 17 lines fill it.
    assert.equal(pageCount([para(21), para(5), para(17)]), 2);
    assert.equal(pageCount([para(21), para(5), para(18)]), 3);
  });

  it('keeps a heading with the first lines of the paragraph after it', () => {
    // Two lines left: the heading and one line of a 4-line paragraph would fit, but two must go with it, so the
    // heading moves down and the next page holds 1 + 4 + 18 lines: one too many.
    assert.equal(pageCount([para(20), para(1, true), para(4), para(18)]), 3);
    // Not kept: the heading ends page 1 and the paragraph (no orphan) starts page 2 with 4 + 18 lines.
    assert.equal(pageCount([para(20), para(1), para(4), para(18)]), 2);
    // Three lines left: the heading and two lines stay.
    assert.equal(pageCount([para(19), para(1, true), para(4), para(20)]), 2);
  });
});
