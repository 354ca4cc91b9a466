import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, chooseOption, e2e, launchBrowser } from './helpers.ts';
import {
  button,
  confirmDialog,
  displayNameOf,
  journeyShot,
  openNav,
  signInAs,
  textbox,
  toast,
} from './proposal-helpers.ts';

/**
 * A proposal's whole life in the real UI, one role after another: a member drafts a joint proposal and a
 * standing member co-signs it; the proposals office reviews it through every stage, files it and assigns it
 * to a lead unit (市教育局) with a co-handling unit (市财政局); the units receive it, the co unit sends its
 * opinion, the lead unit replies, the co unit co-signs, the unit leader signs off and the supervision office
 * approves; the member is dissatisfied, the office orders re-handling, the reply goes round again, the
 * member is satisfied — and the reply is on the public page.
 */
describe('提案全流程：撰写、联名、审查、交办、办理、答复、评价、重新办理、公开', { timeout: 240_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  let proposalUrl = '';
  let standingName = '';
  const stamp = String(Date.now()).slice(-6);
  const title = `关于加强中小学课后服务经费保障的建议（${stamp}）`;
  const samplePdf = Buffer.from('%PDF-1.7\n% 课后服务调研报告\ntrailer <<>>\n%%EOF\n');
  const samplePng = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(32, 1),
  ]);

  before(async () => {
    assert.ok(e2e.adminPassword, 'E2E_ADMIN_PASSWORD must be set to the demo password');
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    standingName = await displayNameOf(context, 'standing');
  });

  after(async () => {
    await close?.();
  });

  // Every step builds on the one before: after a failure the rest would only time out, one by one.
  let broken = false;
  const step = (name: string, run: () => Promise<void>) =>
    it(name, async (t) => {
      if (broken) return t.skip('an earlier step failed');
      try {
        await run();
      } catch (err) {
        broken = true;
        await journeyShot(page, 'failed').catch(() => {});
        throw err;
      }
    });

  /**
   * Opens the proposal's assignment of the signed-in unit from its line in the proposal's 承办情况 (the
   * workbench's 全部 tab holds the demo's older tasks too, and pages them).
   */
  async function openTask(unit: string) {
    await openProposal();
    await page
      .locator('.detail-section', { hasText: '承办情况' })
      .getByRole('link', { name: unit })
      .first()
      .click();
    await page.waitForURL(/\/assignments\/[0-9a-f-]+$/);
    // The proposal page has the same heading: wait for the assignment page's own.
    await page.locator('.assignment-page').getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async function openProposal() {
    await page.goto(proposalUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  step('member drafts a joint proposal (autosaved) and invites a co-signer', async () => {
    await signInAs(context, page, 'member');
    await openNav(page, '我的提案');
    await page.getByRole('heading', { level: 1, name: '我的提案' }).waitFor();
    await page.getByRole('link', { name: /写提案/ }).click();
    await page.getByRole('heading', { level: 1, name: '写提案' }).waitFor();
    await page.getByText('填写案由后将自动保存为草稿').waitFor();

    await page.locator('label', { hasText: /^委员联名提案$/ }).click();
    await textbox(page, '案由').fill(title);
    await textbox(page, '情况').fill(
      '我市义务教育阶段学校已普遍开展课后服务，但经费主要依靠学校自筹，教师补助标准偏低，部分学校难以持续。',
    );
    await textbox(page, '分析').fill(
      '课后服务经费分担机制尚未建立，财政、家长、学校三方责任不清，影响服务质量和教师积极性。',
    );
    await textbox(page, '建议').fill(
      '一、建立财政补助与家长合理分担相结合的经费保障机制；\n二、提高参与课后服务教师的补助标准；\n三、将课后服务纳入学校年度考核。',
    );
    await page.locator('label', { hasText: /^社会$/ }).click();
    const units = page.getByRole('combobox', { name: '建议承办单位' });
    await chooseOption(page, units, '市教育局');
    await chooseOption(page, units, '市财政局');
    await page.keyboard.press('Escape');
    await page.getByText(/已自动保存 \d{2}:\d{2}:\d{2}/).waitFor();
    await page.waitForURL(/\/proposals\/edit\/[0-9a-f-]+$/);

    // 附件: a real PDF is kept; a program renamed .pdf is refused by the server, in Chinese.
    const files = page.locator('.attachment-card');
    await files.getByText(/单个文件不超过 20 MB，最多 10 个/).waitFor();
    const input = files.locator('input[type=file]');
    await input.setInputFiles({
      name: '课后服务调研报告.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf,
    });
    await toast(page, '已上传：课后服务调研报告.pdf');
    await files.getByRole('button', { name: '下载 课后服务调研报告.pdf' }).waitFor();
    await input.setInputFiles({
      name: '伪装.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\u0090\u0000'),
    });
    await toast(page, /附件类型不受支持，或文件内容与扩展名不符/);

    await chooseOption(page, page.getByRole('combobox', { name: '选择要邀请的联名委员' }), standingName);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '发送联名邀请' }).click();
    await toast(page, '已向 1 位委员发出联名邀请');
    await page.locator('.signer-list').getByText(standingName).waitFor();
    await page.locator('.signer-list').getByText('待确认').waitFor();
    // A closing Select's list is still visible (unnamed listbox) for its animation: check once it is gone.
    await page.waitForFunction(
      () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
    );
    await assertAccessible(page, 'proposal editor');
    await journeyShot(page, 'member-draft');
  });

  step('the standing member reads the text and co-signs', async () => {
    await signInAs(context, page, 'standing');
    await openNav(page, '我的提案');
    await page.getByRole('tab', { name: /联名邀请/ }).click();
    const card = page.locator('.invitation-card', { hasText: title });
    await card.waitFor();
    await card.getByText('建立财政补助与家长合理分担相结合的经费保障机制').waitFor();
    await journeyShot(page, 'standing-invitation');
    await card.getByRole('button', { name: '同意联名' }).click();
    await toast(page, '已同意联名');
  });

  step('member submits; the proposal is received with an intake number', async () => {
    await signInAs(context, page, 'member');
    await openNav(page, '我的提案');
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.getByRole('link', { name: '继续修改' }).click();
    await page.getByRole('heading', { level: 1, name: '修改提案' }).waitFor();
    await page.locator('.signer-list').getByText('已确认联名').waitFor();
    await page.getByRole('button', { name: '提交提案' }).click();
    await confirmDialog(page, '提交提案');
    await page.waitForURL(/\/proposals\/[0-9a-f-]+$/);
    proposalUrl = page.url();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.detail-header').getByText('已提交').waitFor();
    assert.match((await page.locator('.detail-number').textContent()) ?? '', /十四届六次会议收文第\d+号/);
    await page.getByText('大会提案').first().waitFor();
    // Submitted: the attachment goes along with the proposal, read-only.
    await page.locator('.attachment-card').getByText('课后服务调研报告.pdf').waitFor();
    assert.equal(await page.locator('.attachment-card').getByRole('button', { name: '上传附件' }).count(), 0);
    await assertAccessible(page, 'proposal detail');
    await journeyShot(page, 'member-submitted');
  });

  step('the proposals office runs the review stages and files it', async () => {
    await signInAs(context, page, 'tian');
    await openNav(page, '提案审查');
    await page.getByRole('heading', { level: 1, name: '提案审查' }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const stage of ['初审', '复审', '会审']) {
      await page.getByText(new RegExp(`当前环节：${stage}`)).waitFor();
      await page.getByRole('button', { name: '提交审查意见' }).click();
      await toast(page, '审查意见已提交');
      if (stage === '初审') await journeyShot(page, 'staff-review');
    }
    await page.getByText(/当前环节：审定/).waitFor();
    await page.getByRole('button', { name: '作出审查决定' }).click();
    await page.locator('.detail-header').getByText('已立案').waitFor();
    assert.match((await page.locator('.detail-number').textContent()) ?? '', /^十四届六次会议第\d{4}号$/);
    await journeyShot(page, 'staff-filed');
  });

  step('the proposals office assigns 市教育局 (lead) and 市财政局 (co)', async () => {
    await page.getByRole('link', { name: /(^|\s)交\s?办$/ }).click();
    await page.getByRole('heading', { level: 1, name: '交办提案' }).waitFor();
    await page.locator('label', { hasText: /^主办 \+ 会办$/ }).waitFor();
    const lead = page.getByRole('combobox', { name: '主办单位' });
    const co = page.getByRole('combobox', { name: '会办单位（可多选）' });
    // Prefilled from the suggestions; set explicitly so the step does not depend on their order.
    await page.locator('label', { hasText: /^主办 \+ 会办$/ }).click();
    if (!((await page.locator('.plan-editor').textContent()) ?? '').includes('市教育局')) {
      await chooseOption(page, lead, '市教育局');
    }
    if (!((await page.locator('.plan-editor').textContent()) ?? '').includes('市财政局')) {
      await chooseOption(page, co, '市财政局');
      await page.keyboard.press('Escape');
    }
    await journeyShot(page, 'staff-assign');
    await button(page, '交办').click();
    await confirmDialog(page, '交办');
    await page.waitForURL(proposalUrl);
    const units = page.locator('.detail-section', { hasText: '承办情况' });
    await units.getByText('市教育局').waitFor();
    await units.getByText('市财政局').waitFor();
    await units.getByText('待签收').first().waitFor();
  });

  step('the lead unit’s clerk receives it', async () => {
    await signInAs(context, page, 'clerk');
    await openTask('市教育局');
    await page.getByText(/如认为不属于本单位职责，请在 \d{4}-\d{2}-\d{2} 前提出交办异议/).waitFor();
    await button(page, '签收').click();
    await toast(page, '已签收');
    await page.locator('.detail-header').getByText('办理中').waitFor();
    await journeyShot(page, 'clerk-received');
  });

  step('the co-handling unit receives it and sends its opinion', async () => {
    await signInAs(context, page, 'clerk2');
    await openTask('市财政局');
    await button(page, '签收').click();
    await toast(page, '已签收');
    await textbox(page, '会办意见').fill(
      '市财政局意见：同意将课后服务经费纳入年度预算统筹安排，按学生人数给予定额补助。',
    );
    await page.getByRole('button', { name: '送出会办意见' }).click();
    await toast(page, '会办意见已送主办单位');
    await page.locator('.detail-header').getByText('会办意见已送').waitFor();
    await journeyShot(page, 'clerk2-co-opinion');
  });

  async function draftAndSubmitReply(body: string, shot: string) {
    await signInAs(context, page, 'clerk');
    await openTask('市教育局');
    await textbox(page, '文号').fill(`同教函〔2027〕${stamp.slice(-2)}号`);
    await textbox(page, '答复正文').fill(body);
    await page.locator('label', { hasText: /^A 类/ }).click();
    await textbox(page, '联系人').fill('武子民');
    await textbox(page, '联系电话').fill('0351-1234567');
    await page.getByRole('button', { name: '保存答复' }).click();
    await toast(page, '答复已保存');
    await page.getByRole('button', { name: '提交会签 / 签发' }).click();
    await confirmDialog(page, '提交会签 / 签发');
    await toast(page, '答复已提交');
    await journeyShot(page, shot);
  }

  async function replyPipeline(round: number) {
    // 会签 by the co unit, when the lead unit's reply waits for it.
    await signInAs(context, page, 'clerk2');
    await openTask('市财政局');
    const cosign = page.getByRole('button', { name: '提交会签意见' });
    if (await cosign.isVisible()) {
      await cosign.click();
      await toast(page, '会签意见已提交');
      await journeyShot(page, `clerk2-cosign-${round}`);
    }

    await signInAs(context, page, 'leader');
    await openTask('市教育局');
    await page.getByText('签发答复').waitFor();
    await button(page, '签发').click();
    await toast(page, '已签发，送督查室审核');
    await journeyShot(page, `leader-signoff-${round}`);
    if (round === 1) {
      // The signed and sealed letter, scanned, goes with the reply to the supervision office and the member.
      await page.locator('.reply-scans input[type=file]').setInputFiles({
        name: '答复函盖章件.png',
        mimeType: 'image/png',
        buffer: samplePng,
      });
      await toast(page, '已上传：答复函盖章件.png');
      await journeyShot(page, 'leader-scan-uploaded');
    }

    await signInAs(context, page, 'duban');
    await openNav(page, '办理审核');
    await page.getByRole('tab', { name: '待审核答复' }).click();
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: '审核通过并答复' }).click();
    await toast(page, '审核通过，答复已送达提案人');
    await page.locator('.detail-header').getByText('已答复').waitFor();
    await journeyShot(page, `duban-approved-${round}`);
  }

  step('the lead unit drafts the reply and submits it for co-signing and sign-off', async () => {
    await draftAndSubmitReply(
      '王勇龙委员：\n您提出的关于加强中小学课后服务经费保障的建议收悉。经认真研究，答复如下：\n一、关于经费保障机制。我局已会同市财政局制定课后服务经费管理办法。\n二、关于教师补助。2027年起补助标准提高至每课时60元。\n三、关于考核。课后服务已纳入学校年度考核。',
      'clerk-reply-submitted',
    );
  });

  step('co-sign, sign-off and supervision approval send the reply', async () => {
    await replyPipeline(1);
  });

  step('member rates the reply 不满意', async () => {
    await signInAs(context, page, 'member');
    await openNav(page, '我的提案');
    await page.getByRole('tab', { name: /待评价/ }).click();
    await page
      .locator('.ant-table-row', { hasText: title })
      .getByRole('link', { name: /评\s?价/ })
      .click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.detail-section', { hasText: '办理答复' }).getByText('市教育局').first().waitFor();
    await page.locator('.reply-scans').getByText('答复函盖章件.png').first().waitFor();
    const form = page.locator('.rating-form');
    await form
      .locator('label', { hasText: /^不满意$/ })
      .first()
      .click();
    await form.locator('label', { hasText: /^电话$/ }).click();
    await textbox(form, '意见和建议').fill('答复未说明经费分担比例，也未明确时间表，希望进一步落实。');
    await journeyShot(page, 'member-rates-dissatisfied');
    await form.getByRole('button', { name: '提交评价' }).click();
    await toast(page, '评价已提交');
  });

  step('the proposals office orders re-handling', async () => {
    await signInAs(context, page, 'tian');
    await openProposal();
    await page.getByText(/1 位提案人对本轮答复不满意/).waitFor();
    await page.getByRole('button', { name: '重新办理' }).click();
    const dialog = page.getByRole('dialog');
    await textbox(dialog, '重新办理意见').fill('请就经费分担比例和落实时间表与提案人当面沟通后重新答复。');
    await button(dialog, '重新办理').click();
    await toast(page, '已交承办单位重新办理');
    await page.locator('.detail-header').getByText('重新办理').waitFor();
    await journeyShot(page, 'staff-rehandle');
  });

  step('the reply goes round again', async () => {
    await draftAndSubmitReply(
      '王勇龙委员：\n经与您当面沟通，现补充答复如下：\n一、经费按财政补助60%、家长分担40%的比例安排，2027年9月起执行。\n二、市财政局已将所需资金列入2027年预算。',
      'clerk-reply-round-2',
    );
    await replyPipeline(2);
  });

  step('member rates the second reply 满意', async () => {
    await signInAs(context, page, 'member');
    await openNav(page, '我的提案');
    await page.getByRole('tab', { name: /待评价/ }).click();
    await page
      .locator('.ant-table-row', { hasText: title })
      .getByRole('link', { name: /评\s?价/ })
      .click();
    const form = page.locator('.rating-form');
    await form
      .locator('label', { hasText: /^满意$/ })
      .first()
      .click();
    await form.getByRole('button', { name: '提交评价' }).click();
    await toast(page, '评价已提交');
    await page.locator('.detail-header').getByText('已办结').waitFor();
    await page.locator('.event-timeline').getByText('提案人评价').first().waitFor();
    await journeyShot(page, 'member-satisfied-closed');
  });

  step('the reply is on the public page, without contact details', async () => {
    await context.clearCookies();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByRole('link', { name: '查看公开的提案和办理答复' }).click();
    await page.getByRole('heading', { level: 1, name: '提案及办理答复公开' }).waitFor();
    const search = page.getByRole('searchbox', { name: '输入案由关键词搜索' });
    await search.fill(stamp);
    await search.press('Enter');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('市教育局的答复').first().waitFor();
    await page.getByText(/财政补助60%、家长分担40%/).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(!text.includes('0351-1234567'), 'no contact phone on the public page');
    assert.ok(!text.includes('答复函盖章件.png'), 'no scanned signed copy on the public page');
    await assertAccessible(page, 'public proposal page');
    await journeyShot(page, 'public-reply');
  });
});
