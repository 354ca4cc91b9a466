import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { assign, fileProposal, type Kit, ok, replyBody, startKit } from '../assignments.test-kit.ts';
import { replyLetters } from '../schema.ts';
import { docx, exe, jpeg, pdf, png, uploadTo } from './samples.test-kit.ts';

const scanMessage = '盖章扫描件只能是 PDF、JPEG 或 PNG 文件，且文件内容须与扩展名相符';

describe('reply scans: the signed and sealed copy of a reply letter, visible wherever the reply is', () => {
  let k: Kit;
  before(async () => {
    k = await startKit();
  });
  after(() => k.close());

  const list = async (by: typeof k.lead, pid: string) => {
    const res = await by.get(`/api/proposals/${pid}/attachments`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      items: { id: string; kind: string; replyLetterId: string; downloadUrl: string; canRemove: boolean }[];
      scanLetterIds: string[];
    };
  };

  it('is added after sign-off, refused before it and after sending, and reaches the proposer once sent', async () => {
    const p = await fileProposal(k);
    const [task] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, task!.id, '/receive');
    await ok(k, k.clerkA, task!.id, '/reply', replyBody, 'PUT');
    const [letter] = await k.t.database.db
      .select()
      .from(replyLetters)
      .where(eq(replyLetters.assignmentId, task!.id));
    const scanUrl = `/api/reply-letters/${letter!.id}/scans`;

    const early = await uploadTo(k.clerkA, scanUrl, pdf(), '答复函盖章件.pdf');
    assert.equal(early.statusCode, 409, 'not before the leader signed it');
    await ok(k, k.clerkA, task!.id, '/reply/submit');
    await ok(k, k.leaderA, task!.id, '/reply/sign-off', { approve: true, comment: '' });

    assert.deepEqual((await list(k.clerkA, p.id)).scanLetterIds, [letter!.id]);
    assert.deepEqual((await list(k.lead, p.id)).scanLetterIds, []);
    for (const [bytes, name] of [
      [exe(), '盖章件.pdf'],
      [await docx(), '盖章件.docx'],
    ] as const) {
      const bad = await uploadTo(k.clerkA, scanUrl, bytes, name);
      assert.equal(bad.statusCode, 415, bad.body);
      assert.equal(bad.json().error.code, 'SCAN_TYPE');
      assert.equal(bad.json().error.message, scanMessage);
    }
    const bytes = jpeg();
    const up = await uploadTo(k.clerkA, scanUrl, bytes, '测试市教育局答复函（盖章）.jpg');
    assert.equal(up.statusCode, 201, up.body);
    const scan = up.json().items.find((i: { kind: string }) => i.kind === 'reply_scan');
    assert.equal(scan.replyLetterId, letter!.id);
    const audit = await k.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, task!.id), eq(auditEvents.action, 'assignment.reply_scan_added')));
    assert.equal(audit.length, 1);

    // Not yet sent: the unit and the supervision office read it, the proposer does not.
    assert.ok((await k.supervisor.get(scan.downloadUrl)).rawPayload.equals(bytes));
    assert.ok((await k.leaderA.get(scan.downloadUrl)).rawPayload.equals(bytes));
    assert.equal((await list(k.lead, p.id)).items.length, 0);
    assert.equal((await k.lead.get(scan.downloadUrl)).statusCode, 404);
    assert.equal((await k.clerkD.get(scan.downloadUrl)).statusCode, 404, 'an unrelated unit');
    assert.equal((await k.leaderB.send({ method: 'DELETE', url: scan.downloadUrl })).statusCode, 404);

    await ok(k, k.supervisor, task!.id, '/reply/review', { approve: true, comment: '' });
    for (const reader of [k.lead, k.cosigner, k.staff]) {
      const file = await reader.get(scan.downloadUrl);
      assert.equal(file.statusCode, 200);
      assert.ok(file.rawPayload.equals(bytes));
      assert.equal(file.headers['content-type'], 'image/jpeg');
    }
    const seen = await list(k.lead, p.id);
    assert.deepEqual(
      seen.items.map((i) => i.id),
      [scan.id],
    );
    assert.equal(seen.items[0]!.canRemove, false);

    // Sent: the scan went out with the letter and is read-only.
    assert.equal((await uploadTo(k.clerkA, scanUrl, png(), '补充.png')).statusCode, 409);
    assert.equal((await k.clerkA.del(scan.downloadUrl)).statusCode, 409);
    assert.deepEqual((await list(k.clerkA, p.id)).scanLetterIds, []);
  });

  it('only the unit itself adds a scan; it may remove it while the letter is back with the drafter', async () => {
    const p = await fileProposal(k);
    const [task] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, task!.id, '/receive');
    await ok(k, k.clerkA, task!.id, '/reply', replyBody, 'PUT');
    await ok(k, k.clerkA, task!.id, '/reply/submit');
    await ok(k, k.leaderA, task!.id, '/reply/sign-off', { approve: true, comment: '' });
    const [letter] = await k.t.database.db
      .select()
      .from(replyLetters)
      .where(eq(replyLetters.assignmentId, task!.id));
    const scanUrl = `/api/reply-letters/${letter!.id}/scans`;

    assert.equal((await uploadTo(k.supervisor, scanUrl, pdf(), '督查室.pdf')).statusCode, 403);
    assert.equal((await uploadTo(k.clerkB, scanUrl, pdf(), '别的单位.pdf')).statusCode, 404);
    assert.equal((await uploadTo(k.lead, scanUrl, pdf(), '提案人.pdf')).statusCode, 404);
    const up = await uploadTo(k.leaderA, scanUrl, pdf('盖章'), '盖章件.pdf');
    assert.equal(up.statusCode, 201, up.body);
    const scan = up.json().items[0];

    await ok(k, k.supervisor, task!.id, '/reply/review', {
      approve: false,
      comment: '请补充第二条的办理时限',
    });
    assert.equal((await uploadTo(k.clerkA, scanUrl, pdf(), '新的.pdf')).statusCode, 409, 'sign again first');
    const del = await k.clerkA.del(scan.downloadUrl);
    assert.equal(del.statusCode, 200, del.body);
    assert.equal(del.json().items.length, 0);
  });
});
