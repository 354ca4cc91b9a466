import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, e2e, launchBrowser } from './helpers.ts';
import {
  button,
  confirmDialog,
  demoPassword,
  journeyShot,
  signInAs,
  textbox,
  toast,
} from './proposal-helpers.ts';

const elderCare = {
  title: '关于加强社区居家养老服务设施建设的建议',
  situation:
    '我市60岁以上老年人口已达120万，占总人口的21%，社区居家养老需求快速增长。但社区养老服务中心覆盖率不足六成，日间照料床位紧缺，助餐、助浴等服务供给不足。',
  analysis:
    '一是养老服务设施规划滞后，新建小区配建养老用房落实不到位；二是运营经费主要依靠财政补贴，社会力量参与不足；三是专业护理人员短缺，待遇偏低、流失严重。',
  suggestions:
    '一、将社区养老服务设施纳入国土空间规划，严格落实新建小区配建标准；二、完善运营补贴机制，引导社会资本参与；三、加强养老护理员培训，提高薪酬待遇。',
};
const paraphrase = {
  title: '关于完善居家社区养老服务网络的建议',
  situation:
    '目前全市老年人口约120万人，老龄化程度超过21%，老人对家门口养老服务的需求越来越大。调研发现，社区养老服务站点数量偏少，日间照料床位供不应求，老年助餐和助浴服务跟不上。',
  analysis:
    '主要原因在于：养老护理人才缺乏，收入低、队伍不稳定；养老用房配建要求在新建住宅小区中执行不严；运营资金过度依赖政府补贴，市场主体参与积极性不高。',
  suggestions:
    '建议严格执行新建住宅小区养老用房配建标准，把社区养老设施纳入规划；健全运营扶持政策，吸引社会力量参与；加大养老护理人才培养力度，提升护理员工资待遇。',
};

/** A proposal written and submitted through the API as one of the demo logins. */
async function submitAs(
  api: APIRequestContext,
  username: string,
  text: typeof elderCare,
): Promise<{ id: string; sessionId: string }> {
  const signIn = await api.post(`${e2e.baseUrl}/api/auth/sign-in`, {
    data: { username, password: demoPassword() },
  });
  assert.ok(signIn.ok(), `sign-in of ${username}: ${signIn.status()}`);
  const created = await api.post(`${e2e.baseUrl}/api/proposals`, {
    data: { proposerKind: 'member_individual', category: 'society', ...text },
  });
  assert.equal(created.status(), 201, await created.text());
  const draft = (await created.json()) as { id: string; version: number };
  const submitted = await api.post(`${e2e.baseUrl}/api/proposals/${draft.id}/submit`, {
    data: { expectedVersion: draft.version },
  });
  assert.ok(submitted.ok(), await submitted.text());
  const p = (await submitted.json()) as { id: string; sessionId: string; state: string };
  assert.equal(p.state, 'submitted');
  await api.post(`${e2e.baseUrl}/api/auth/sign-out`);
  return p;
}

/**
 * Similar proposals in the real UI: a member drafting a proposal sees, while typing, the one they already
 * submitted on the same subject; the proposals office finds that proposal and another member's paraphrase
 * of it grouped as a 并案 candidate in the review queue and merges them in one step.
 */
describe('相似提案：起草时提示相似提案，审查时一键并案', { timeout: 180_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  const stamp = String(Date.now()).slice(-6);
  const first = { ...elderCare, title: `${elderCare.title}（${stamp}）` };
  const second = { ...paraphrase, title: `${paraphrase.title}（${stamp}）` };
  let a: { id: string; sessionId: string };
  let b: { id: string; sessionId: string };

  before(async () => {
    assert.ok(e2e.adminPassword, 'E2E_ADMIN_PASSWORD must be set to the demo password');
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    a = await submitAs(context.request, 'member', first);
    b = await submitAs(context.request, 'standing', second);
    assert.equal(a.sessionId, b.sessionId);
  });

  after(async () => {
    await close?.();
  });

  it('shows similar proposals while a member types a draft', async () => {
    await signInAs(context, page, 'member');
    await page.goto(`${e2e.baseUrl}/proposals/edit`);
    await page.getByRole('heading', { level: 1, name: '写提案' }).waitFor();
    const panel = page.locator('.similar-panel');
    await panel.getByText('填写案由（4 个字以上）或正文后').waitFor();
    // The title alone already finds the member's own proposal on the subject (the paraphrase is another
    // member's, still under review: not visible to this member).
    await textbox(page, '案由').pressSequentially('关于完善居家社区养老服务网络的建议', { delay: 20 });
    const hit = panel.getByRole('link', { name: first.title });
    await hit.waitFor();
    assert.equal(await panel.getByRole('link', { name: second.title }).count(), 0);
    await panel.getByText('已提交').first().waitFor();
    await panel
      .getByText(/^\d+%$/)
      .first()
      .waitFor();
    // The body follows: the same proposal stays on top.
    await textbox(page, '情况').fill(paraphrase.situation);
    await page.waitForTimeout(1500);
    await panel.locator('.similar-list > li').first().getByRole('link', { name: first.title }).waitFor();
    await assertAccessible(page, 'proposal editor with similar proposals');
    await journeyShot(page, 'similar-editor');
    // Autosave has kept the draft: leaving the page asks nothing.
    await page.getByText(/已自动保存 \d{2}:\d{2}:\d{2}/).waitFor();
  });

  it('groups the two as a 并案 candidate and the proposals office merges them in one step', async () => {
    await signInAs(context, page, 'tian');
    await page.goto(`${e2e.baseUrl}/proposals/review?sessionId=${a.sessionId}`);
    await page.getByRole('heading', { level: 1, name: '提案审查' }).waitFor();
    const group = page.locator('.merge-group', { hasText: first.title }).filter({ hasText: second.title });
    await group.waitFor();
    // The earlier proposal is suggested as the parent.
    assert.ok(await group.getByRole('radio', { name: `主提案：${first.title}` }).isChecked());
    await assertAccessible(page, 'review queue with merge candidates');
    await journeyShot(page, 'similar-merge-candidates');

    // Each row of the queue opens its own similar proposals with scores.
    const row = page.locator('.ant-table-row', { hasText: second.title });
    await button(row, '相似提案').click();
    await page.locator('.similar-popover').getByRole('link', { name: first.title }).waitFor();
    await button(row, '相似提案').click();
    await page.locator('.similar-popover').waitFor({ state: 'hidden' });

    await button(group, '一键并案').click();
    const dialog = page.getByRole('dialog').last();
    await dialog.getByText(`将以下 1 件提案并入“${first.title}”`).waitFor();
    await dialog.getByText('主提案尚未立案，将同时立案并编号。').waitFor();
    await journeyShot(page, 'similar-merge-confirm');
    await confirmDialog(page, '一键并案');
    await toast(page, '已并案：1 件提案并入主提案');
    await page.locator('.merge-group', { hasText: second.title }).waitFor({ state: 'detached' });

    const merged = await page.request.get(`${e2e.baseUrl}/api/proposals/${b.id}`);
    const parent = await page.request.get(`${e2e.baseUrl}/api/proposals/${a.id}`);
    assert.deepEqual(
      [(await merged.json()).state, (await merged.json()).mergedIntoId, (await parent.json()).state],
      ['merged', a.id, 'filed'],
    );
    await journeyShot(page, 'similar-merged');
  });
});
