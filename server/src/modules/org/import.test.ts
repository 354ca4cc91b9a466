import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { readSheet } from '../../platform/excel/workbook.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { buildMemberSheet } from './import/import-fixtures.ts';
import { handlerUnits, members } from './schema.ts';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕';

function memberRow(i: number): (string | number | Date)[] {
  const name = `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13 + 3) % given.length]}`;
  return [
    name,
    i % 3 === 0 ? '女' : '男',
    i % 17 === 0 ? '回族' : '汉族',
    new Date(Date.UTC(1960 + (i % 30), i % 12, 1 + (i % 27))),
    i % 2 ? '民盟盟员' : '群众',
    i % 2 ? '中国民主同盟' : '教育界',
    i % 2 ? '民盟测试市委员会' : '',
    i % 5 === 0 ? '提案委员会、教育科技卫生体育委员会' : '教育科技卫生体育委员会',
    i % 10 === 0 ? '是' : '否',
    `测试市第${i + 1}中学`,
    '教师',
    `137${String(10_000_000 + i).slice(-8)}`,
    '2022-01-10',
  ];
}

async function upload(api: Client, path: string, file: Buffer, dryRun: boolean, fileName = 'members.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const req = new Request('http://x', { method: 'POST', body: form });
  return api.send({
    method: 'POST',
    url: `${path}?dryRun=${dryRun}`,
    headers: { 'content-type': req.headers.get('content-type') ?? '' },
    payload: Buffer.from(await req.arrayBuffer()),
  });
}

describe('Excel import of members and handler units', () => {
  let t: TestApp;
  let c: TestCommittee;
  let staff: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    staff = await signInAs(
      t.app,
      await createTestUser(t.database.db, c, ['liaison_staff', 'proposal_staff']),
    );
  });
  after(() => t.close());

  const memberCount = async () =>
    (await t.database.db.select({ n: count() }).from(members).where(eq(members.committeeId, c.id)))[0]!.n;

  it('imports 300 members with their sectors, units and committees, one audit row each', async () => {
    const file = await buildMemberSheet(Array.from({ length: 300 }, (_, i) => memberRow(i)));
    const preview = await upload(staff, '/api/org/members/import', file, true);
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
    assert.deepEqual(
      { ...(preview.json() as object), rows: preview.json().rows.length },
      { dryRun: true, total: 300, valid: 300, imported: 0, rows: 0 },
    );
    const countBefore = await memberCount();
    assert.equal(countBefore, 4, 'the preview wrote nothing');

    const res = await upload(staff, '/api/org/members/import', file, false);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.equal(res.json().imported, 300);
    assert.equal(await memberCount(), 304);
    const imported = (await staff.get(`/api/org/members?q=${encodeURIComponent('测试市第6中学')}`)).json()
      .items[0];
    assert.equal(imported.sectorName, '中国民主同盟');
    assert.equal(imported.participatingUnitName, '民盟测试市委员会');
    assert.equal(imported.birthDate, '1965-06-06');
    const fifth = (
      await staff.get(`/api/org/members?q=${encodeURIComponent('测试市第1中学')}&pageSize=50`)
    ).json().items;
    const first = fifth.find((m: { workUnit: string }) => m.workUnit === '测试市第1中学');
    assert.deepEqual(
      first.specialCommittees.map((x: { name: string }) => x.name).sort(),
      ['提案委员会', '教育科技卫生体育委员会'].sort(),
    );
    assert.equal(first.isStandingMember, true);
    assert.equal(first.gender, 'female');
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.committeeId, c.id), eq(auditEvents.action, 'member.imported')));
    assert.equal(audits[0]!.n, 300);
  });

  it('imports nothing from a file with 3 bad rows and names each bad row with its reason', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => memberRow(1000 + i));
    rows[3]![5] = '不存在界'; // Excel row 5: unknown sector
    rows[9]![1] = '未知'; // row 11: bad gender
    rows[15]![11] = rows[2]![11]!; // row 17: mobile repeats row 4
    const file = await buildMemberSheet(rows);
    const before = await memberCount();
    const auditsBefore = (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

    const res = await upload(staff, '/api/org/members/import', file, false);
    assert.equal(res.statusCode, 400);
    const err = errorOf(res);
    assert.equal(err.code, 'IMPORT_INVALID');
    assert.match(err.message, /未导入任何数据/);
    const report = err.details as {
      rows: { row: number; errors: string[] }[];
      valid: number;
      imported: number;
    };
    assert.deepEqual(
      report.rows.map((r) => r.row),
      [5, 11, 17],
    );
    assert.deepEqual(
      report.rows.map((r) => r.errors),
      [
        ['界别：界别“不存在界”不存在'],
        ['性别：性别“未知”不在可选范围内'],
        [`手机号“${rows[2]![11]}”与第 4 行重复`],
      ],
    );
    assert.equal(report.valid, 17);
    assert.equal(report.imported, 0);
    assert.equal(await memberCount(), before);
    assert.equal((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n, auditsBefore);
  });

  it('refuses a file that is not an .xlsx even if it is named .xlsx', async () => {
    const res = await upload(staff, '/api/org/members/import', Buffer.from('姓名,性别\n张三,男\n'), false);
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).code, 'FILE_INVALID');
  });

  it('refuses a sheet missing a required column', async () => {
    const file = await buildMemberSheet([['张三', '男']], ['姓名', '性别']);
    const res = await upload(staff, '/api/org/members/import', file, true);
    assert.equal(res.statusCode, 400);
    assert.match(
      (errorOf(res).details as { message: string }[])[0]!.message,
      /缺少必填列：政治面貌、界别、任职日期/,
    );
  });

  it('offers a template with the import columns, an example row and a notes sheet', async () => {
    const res = await staff.get('/api/org/members/import-template.xlsx');
    assert.equal(res.statusCode, 200);
    const sheet = await readSheet(res.rawPayload);
    assert.deepEqual(sheet.headers.slice(0, 3), ['姓名', '性别', '民族']);
    assert.equal(sheet.rows[0]!.cells['姓名'], '王建国');
  });

  it('imports handler units and refuses duplicates of existing names', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('承办单位');
    ws.addRow(['单位名称', '所属系统', '分管领导', '联系人', '联系电话']);
    ws.addRow(['测试市交通运输局', '政府系统', '周强', '吴敏', '0999-6012345']);
    ws.addRow(['测试市委宣传部', '党委', '郑华', '钱芳', '0999-6011111']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(staff, '/api/org/handler-units/import', good, false);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().imported, 2);
    const [party] = await t.database.db
      .select()
      .from(handlerUnits)
      .where(eq(handlerUnits.name, '测试市委宣传部'));
    assert.equal(party!.system, 'party');
    const again = await upload(staff, '/api/org/handler-units/import', good, false);
    assert.equal(again.statusCode, 400);
    assert.deepEqual(
      (errorOf(again).details as { rows: { row: number }[] }).rows.map((r) => r.row),
      [2, 3],
    );
  });
});
