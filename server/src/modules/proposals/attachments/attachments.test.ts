import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { defaultProposalRules } from '@tongxin/common/proposals/rules.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../../test/factories.ts';
import { type Client, client, errorOf, signInAs, startTestApp, type TestApp } from '../../../test/http.ts';
import { plenarySessions } from '../../org/schema.ts';
import { proposalAttachments } from './schema.ts';
import { docx, exe, jpeg, ofd, ole, pdf, png, uploadTo } from './samples.test-kit.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const typeMessage =
  '附件类型不受支持，或文件内容与扩展名不符：只能上传 PDF、Word（.docx/.doc）、Excel（.xlsx/.xls）、OFD、JPEG、PNG 或纯文本（.txt）文件';

describe('proposal attachments: upload, list, download, remove — checked by content, scoped like the proposal', () => {
  let t: TestApp;
  let c: TestCommittee;
  let lead: Client;
  let cosigner: Client;
  let outsider: Client;
  let staff: Client;
  let clerk: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    await db.insert(plenarySessions).values({
      committeeId: c.id,
      termId: c.termId,
      sessionNo: 5,
      openDate: day(60),
      closeDate: day(64),
      proposalDeadline: new Date(`${day(63)}T18:00:00+08:00`),
    });
    const as = async (grants: Parameters<typeof createTestUser>[2]) =>
      signInAs(t.app, await createTestUser(db, c, grants));
    lead = await as([{ role: 'member', scopeId: c.memberIds[0]! }]);
    cosigner = await as([{ role: 'member', scopeId: c.memberIds[1]! }]);
    outsider = await as([{ role: 'member', scopeId: c.memberIds[2]! }]);
    staff = await as(['proposal_staff']);
    clerk = await as([{ role: 'handler_clerk', scopeId: c.handlerUnitIds[1]! }]);
  });
  after(() => t.close());

  async function newDraft(over: Record<string, unknown> = {}): Promise<string> {
    const res = await lead.post('/api/proposals', {
      proposerKind: 'member_individual',
      title: '关于加强社区养老服务设施建设的建议',
      situation: '我市60岁以上老年人口已占总人口的21%。',
      analysis: '设施建设标准不统一。',
      suggestions: '一、统一建设标准；二、落实运营补贴。',
      category: 'society',
      ...over,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }
  const stored = async (proposalId: string) => {
    const [r] = await t.database.db
      .select({ n: count() })
      .from(proposalAttachments)
      .where(eq(proposalAttachments.proposalId, proposalId));
    return r!.n;
  };
  const audits = async (proposalId: string, action: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, proposalId), eq(auditEvents.action, action)));
  const setRules = async (over: Partial<typeof defaultProposalRules>) => {
    const res = await staff.send({
      method: 'PUT',
      url: '/api/proposal-rules',
      payload: { ...defaultProposalRules, ...over },
    });
    assert.equal(res.statusCode, 200, res.body);
  };

  it('round trip: a Chinese-named PDF is stored, listed and downloaded byte for byte, with an audit row', async () => {
    const id = await newDraft();
    const bytes = pdf('往返');
    const name = "社区养老调研报告（2026年）'附件'.pdf";
    const res = await uploadTo(lead, `/api/proposals/${id}/attachments`, bytes, name);
    assert.equal(res.statusCode, 201, res.body);
    const list = res.json();
    assert.equal(list.canAttach, true);
    assert.deepEqual(list.limits, { maxBytes: 20 * 1024 * 1024, maxCount: 10 });
    assert.equal(list.items.length, 1);
    const item = list.items[0];
    assert.equal(item.fileName, name);
    assert.equal(item.fileType, 'pdf');
    assert.equal(item.mimeType, 'application/pdf');
    assert.equal(item.sizeBytes, bytes.length);
    assert.match(item.sha256, /^[0-9a-f]{64}$/);
    assert.equal(item.canRemove, true);

    const file = await lead.get(item.downloadUrl);
    assert.equal(file.statusCode, 200);
    assert.ok(file.rawPayload.equals(bytes), 'the same bytes come back');
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    const disposition = String(file.headers['content-disposition']);
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    assert.doesNotMatch(star, /['()]/, 'RFC 5987: quote and parentheses are percent-encoded');
    assert.equal(decodeURIComponent(star), name);
    assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; /);

    const [audit] = await audits(id, 'proposal.attachment_added');
    assert.ok(audit, 'one audit row');
    assert.equal((audit.after as { sha256: string }).sha256, item.sha256);
    assert.equal((audit.after as { fileName: string }).fileName, name);
  });

  it('accepts Word, OLE .doc, OFD and JPEG by their content', async () => {
    const id = await newDraft();
    for (const [bytes, name] of [
      [await docx(), '调研报告.docx'],
      [ole(['WordDocument', '1Table']), '旧版文档.doc'],
      [ole(['Workbook']), '统计表.xls'],
      [ofd(), '红头文件.ofd'],
      [jpeg(), '现场照片.JPG'],
    ] as const) {
      const res = await uploadTo(lead, `/api/proposals/${id}/attachments`, bytes, name);
      assert.equal(res.statusCode, 201, `${name}: ${res.body}`);
    }
    const types = (await lead.get(`/api/proposals/${id}/attachments`))
      .json()
      .items.map((i: { fileType: string }) => i.fileType);
    assert.deepEqual(types, ['docx', 'doc', 'xls', 'ofd', 'jpeg']);
  });

  it('refuses an .exe renamed .pdf, a text file named .docx and a PDF named .docx — nothing stored, no audit', async () => {
    const id = await newDraft();
    for (const [bytes, name, detected] of [
      [exe(), '调研报告.pdf', null],
      [Buffer.from('这不是Word文件'), '提案.docx', '纯文本（.txt）'],
      [pdf(), '提案.docx', 'PDF'],
    ] as const) {
      const res = await uploadTo(lead, `/api/proposals/${id}/attachments`, bytes, name);
      assert.equal(res.statusCode, 415, res.body);
      const e = errorOf(res);
      assert.equal(e.code, 'ATTACHMENT_TYPE');
      assert.equal(e.message, typeMessage);
      assert.equal((e.details as { detected: string | null }).detected, detected);
    }
    assert.equal(await stored(id), 0);
    assert.equal((await audits(id, 'proposal.attachment_added')).length, 0);
  });

  it('refuses an over-size file as a whole, takes files over the 10 MB default under the 20 MB rule, and counts', async () => {
    const id = await newDraft();
    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024 + 64 * 1024, 0x20)]);
    const ok = await uploadTo(lead, `/api/proposals/${id}/attachments`, big, '大文件.pdf');
    assert.equal(ok.statusCode, 201, ok.body);
    assert.ok((await lead.get(ok.json().items[0].downloadUrl)).rawPayload.equals(big));

    await setRules({ attachmentMaxMb: 1, attachmentMaxCount: 2 });
    try {
      const res = await uploadTo(
        lead,
        `/api/proposals/${id}/attachments`,
        Buffer.concat([pdf(), Buffer.alloc(1024 * 1024)]),
        '超大.pdf',
      );
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(errorOf(res).code, 'ATTACHMENT_TOO_LARGE');
      assert.equal(errorOf(res).message, '文件超过单个附件的大小上限，请压缩或拆分后重新上传');
      assert.deepEqual(errorOf(res).details, { maxBytes: 1024 * 1024, maxMb: 1 });
      assert.equal(await stored(id), 1, 'nothing of the refused file is kept');

      assert.equal(
        (await uploadTo(lead, `/api/proposals/${id}/attachments`, png(), '图.png')).statusCode,
        201,
      );
      const third = await uploadTo(lead, `/api/proposals/${id}/attachments`, jpeg(), '图3.jpg');
      assert.equal(third.statusCode, 409);
      assert.equal(errorOf(third).code, 'ATTACHMENT_LIMIT');
      assert.equal(await stored(id), 2);
    } finally {
      await setRules({});
    }
  });

  it('two uploads at once against the last free place: one is kept, the other refused', async () => {
    const id = await newDraft();
    await setRules({ attachmentMaxCount: 1 });
    try {
      const results = await Promise.all([
        uploadTo(lead, `/api/proposals/${id}/attachments`, pdf('甲'), '甲.pdf'),
        uploadTo(lead, `/api/proposals/${id}/attachments`, pdf('乙'), '乙.pdf'),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
      assert.equal(await stored(id), 1);
      assert.equal((await audits(id, 'proposal.attachment_added')).length, 1);
    } finally {
      await setRules({});
    }
  });

  it('is read like the proposal: 404 for another member and an unrelated unit, 401 without sign-in', async () => {
    const id = await newDraft({ proposerKind: 'member_joint', cosignerIds: [c.memberIds[1]] });
    const item = (await uploadTo(lead, `/api/proposals/${id}/attachments`, pdf(), '材料.pdf')).json()
      .items[0];
    for (const who of [outsider, clerk]) {
      for (const url of [`/api/proposals/${id}/attachments`, item.downloadUrl]) {
        const res = await who.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(errorOf(res).message, '未找到该记录，或您无权查看');
      }
    }
    const anon = await client(t.app).get(item.downloadUrl);
    assert.equal(anon.statusCode, 401);
    assert.equal(errorOf(anon).code, 'UNAUTHENTICATED');
    assert.equal(
      (await uploadTo(client(t.app), `/api/proposals/${id}/attachments`, pdf(), 'x.pdf')).statusCode,
      401,
    );

    // The invited co-signer reads the draft and its files but may not change them.
    assert.ok((await cosigner.get(item.downloadUrl)).rawPayload.length > 0);
    const res = await uploadTo(cosigner, `/api/proposals/${id}/attachments`, pdf(), '联名人的.pdf');
    assert.equal(res.statusCode, 403);
    assert.equal((await cosigner.get(`/api/proposals/${id}/attachments`)).json().canAttach, false);
  });

  it('removes while a draft; after submission the files are read-only and go along with the proposal', async () => {
    const id = await newDraft();
    const first = (await uploadTo(lead, `/api/proposals/${id}/attachments`, pdf('一'), '一.pdf')).json()
      .items[0];
    const kept = (await uploadTo(lead, `/api/proposals/${id}/attachments`, pdf('二'), '二.pdf')).json()
      .items[1];
    const del = await lead.del(`/api/proposals/${id}/attachments/${first.id}`);
    assert.equal(del.statusCode, 200, del.body);
    assert.deepEqual(
      del.json().items.map((i: { id: string }) => i.id),
      [kept.id],
    );
    assert.equal((await audits(id, 'proposal.attachment_removed')).length, 1);
    assert.equal((await lead.get(first.downloadUrl)).statusCode, 404);

    const v = (await lead.get(`/api/proposals/${id}`)).json().version;
    assert.equal((await lead.post(`/api/proposals/${id}/submit`, { expectedVersion: v })).statusCode, 200);
    const late = await uploadTo(lead, `/api/proposals/${id}/attachments`, pdf(), '补充.pdf');
    assert.equal(late.statusCode, 409);
    assert.equal(errorOf(late).code, 'WRONG_STATE');
    assert.equal((await lead.del(`/api/proposals/${id}/attachments/${kept.id}`)).statusCode, 409);
    const list = (await lead.get(`/api/proposals/${id}/attachments`)).json();
    assert.equal(list.canAttach, false);
    assert.equal(list.items[0].canRemove, false);
    // The reviewers read what was submitted.
    assert.ok((await staff.get(kept.downloadUrl)).rawPayload.equals(pdf('二')));
    assert.equal(await stored(id), 1);
  });

  it('staff attach to a paper proposal they entered on a member’s behalf', async () => {
    const res = await staff.post('/api/proposals', {
      proposerKind: 'member_individual',
      leadMemberId: c.memberIds[3],
      title: '关于完善农村饮水工程的建议',
      situation: '情况',
      analysis: '分析',
      suggestions: '建议',
      category: 'society',
    });
    assert.equal(res.statusCode, 201, res.body);
    const up = await uploadTo(
      staff,
      `/api/proposals/${res.json().id}/attachments`,
      pdf(),
      '纸质提案扫描.pdf',
    );
    assert.equal(up.statusCode, 201, up.body);
  });
});
