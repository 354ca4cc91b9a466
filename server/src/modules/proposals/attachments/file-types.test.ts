import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFileName, nameMatches, recogniseFile } from './file-types.ts';
import { docm, docx, exe, jpeg, ofd, ole, pdf, plainZip, png } from './samples.test-kit.ts';

describe('attachments: the type of a file from its content', () => {
  it('recognises every accepted type by its bytes', async () => {
    assert.equal(recogniseFile(pdf())?.type, 'pdf');
    assert.equal(recogniseFile(png())?.type, 'png');
    assert.equal(recogniseFile(jpeg())?.type, 'jpeg');
    assert.equal(recogniseFile(await docx())?.type, 'docx');
    assert.equal(recogniseFile(ofd())?.type, 'ofd');
    assert.equal(recogniseFile(ole(['WordDocument', '1Table']))?.type, 'doc');
    assert.equal(recogniseFile(ole(['Workbook']))?.type, 'xls');
    assert.deepEqual(recogniseFile(Buffer.from('调研笔记：社区养老\n')), {
      type: 'txt',
      mime: 'text/plain; charset=utf-8',
    });
    // "养老" in GB18030, as Windows Notepad saves Chinese text by default.
    assert.equal(
      recogniseFile(Buffer.from([0xd1, 0xf8, 0xc0, 0xcf, 0x0a]))?.mime,
      'text/plain; charset=gb18030',
    );
  });

  it('refuses programs, other OLE files, bare ZIPs, macros and binary data', () => {
    assert.equal(recogniseFile(exe()), null);
    assert.equal(recogniseFile(ole(['SummaryInformation', 'MsiFile'])), null);
    assert.equal(recogniseFile(plainZip()), null);
    assert.equal(recogniseFile(docm()), null);
    assert.equal(recogniseFile(ole(['WordDocument', 'Macros'])), null);
    assert.equal(recogniseFile(ole(['Workbook', '_VBA_PROJECT_CUR'])), null);
    assert.equal(recogniseFile(Buffer.from([0x00, 0x01, 0x02, 0x03])), null);
    assert.equal(recogniseFile(Buffer.from('<html><script>alert(1)</script>\u0000')), null);
  });

  it('needs the name to agree with the content, and cleans names', () => {
    assert.ok(nameMatches('调研报告.PDF', 'pdf'));
    assert.ok(nameMatches('照片.jpeg', 'jpeg') && nameMatches('照片.JPG', 'jpeg'));
    assert.ok(!nameMatches('调研报告.docx', 'pdf'));
    assert.ok(!nameMatches('调研报告', 'pdf'));
    assert.equal(cleanFileName('C:\\Users\\张三\\调研"报告".pdf'), '调研报告.pdf');
    const long = cleanFileName(`${'长'.repeat(300)}.docx`);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith('.docx'));
  });
});
