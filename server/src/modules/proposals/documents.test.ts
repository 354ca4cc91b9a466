import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { docxParagraphs } from '../../platform/documents/testing.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { plenarySessions } from '../org/schema.ts';
import { proposals } from './schema.ts';

async function upload(api: Client, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const req = new Request('http://x', { method: 'POST', body: form });
  return api.send({
    method: 'POST',
    url: '/api/proposals/draft-from-docx',
    headers: { 'content-type': req.headers.get('content-type') ?? '' },
    payload: Buffer.from(await req.arrayBuffer()),
  });
}

describe('proposals in Word: a draft from a .docx and the 提案汇编', () => {
  let t: TestApp;
  let c: TestCommittee;
  let member: Client;
  let staff: Client;
  let sessionId: string;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    member = await signInAs(t.app, await createTestUser(t.database.db, c, ['member']));
    staff = await signInAs(t.app, await createTestUser(t.database.db, c, ['proposal_staff']));
    const [s] = await t.database.db
      .insert(plenarySessions)
      .values({
        committeeId: c.id,
        termId: c.termId,
        sessionNo: 4,
        openDate: '2025-02-22',
        closeDate: '2025-02-26',
        proposalDeadline: new Date('2025-02-25T10:00:00Z'),
      })
      .returning();
    sessionId = s!.id;
    const author = (await createTestUser(t.database.db, c, ['member'])).id;
    await t.database.db.insert(proposals).values(
      ['关于发展智慧农业的建议', '关于加强文物保护的建议'].map((title, i) => ({
        committeeId: c.id,
        sessionId,
        number: i + 1,
        proposerKind: 'member_individual' as const,
        leadMemberId: c.memberIds[i]!,
        createdByUserId: author,
        title,
        situation: `情况${i + 1}`,
        analysis: `分析${i + 1}`,
        suggestions: `建议${i + 1}`,
        category: 'economy' as const,
        state: 'filed' as const,
      })),
    );
  });
  after(() => t.close());

  it("reads a member's Word draft into 案由, 情况, 分析 and 建议", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            '关于加强社区养老服务的建议',
            '一、基本情况',
            '全市60岁以上老年人口占21%。',
            '二、存在问题',
            '社区养老设施不足。',
            '三、对策建议',
            '统一建设标准，落实运营补贴。',
          ].map((text) => new Paragraph({ text })),
        },
      ],
    });
    const res = await upload(member, Buffer.from(await Packer.toBuffer(doc)), '提案.docx');
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.equal(d.title, '关于加强社区养老服务的建议');
    assert.equal(d.situation, '全市60岁以上老年人口占21%。');
    assert.equal(d.analysis, '社区养老设施不足。');
    assert.equal(d.suggestions, '统一建设标准，落实运营补贴。');
  });

  it('refuses a file that is not a .docx even when named .docx', async () => {
    const res = await upload(member, Buffer.from('这不是Word文件'), '提案.docx');
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).code, 'DOCX_INVALID');
    assert.equal(errorOf(res).message, '无法读取上传的文件，请上传 Word（.docx）文件');
  });

  it("builds the session's 提案汇编 as one Word file, in number order", async () => {
    const res = await staff.get(`/api/sessions/${sessionId}/compilation.docx`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /wordprocessingml/);
    const text = (await docxParagraphs(res.rawPayload)).join('\n');
    assert.match(text, /提案汇编/);
    assert.ok(text.indexOf('关于发展智慧农业的建议') < text.indexOf('关于加强文物保护的建议'));
    assert.match(text, /提案人：李明华/);
    assert.equal((await member.get(`/api/sessions/${sessionId}/compilation.docx`)).statusCode, 403);
  });
});
