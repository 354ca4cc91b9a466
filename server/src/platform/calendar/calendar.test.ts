import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { client, type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { auditEvents } from '../audit/schema.ts';
import { loadCalendar } from './queries/load-calendar.ts';
import { calendarDays } from './schema.ts';
import { seedDefaultCalendar } from './seed-calendar.ts';

describe('working-day calendar API', () => {
  let t: TestApp;
  let c: TestCommittee;
  let admin: Client;
  let staff: Client;
  let member: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    admin = await signInAs(t.app, await createTestUser(t.database.db, c, ['sysadmin']));
    staff = await signInAs(t.app, await createTestUser(t.database.db, c, ['proposal_staff']));
    member = await signInAs(t.app, await createTestUser(t.database.db, c, ['member']));
  });
  after(() => t.close());

  const put = (who: Client, day: string, payload: unknown) =>
    who.send({ method: 'PUT', url: `/api/calendar/days/${day}`, payload: payload as object });
  const auditsOf = (action: string, label: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.committeeId, c.id),
          eq(auditEvents.action, action),
          eq(auditEvents.targetLabel, label),
        ),
      );
  const due = async (who: Client, start: string, amount: number, unit: string) => {
    const res = await who.get(`/api/calendar/due?start=${start}&amount=${amount}&unit=${unit}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('shows every signed-in user the pre-filled official holidays of a year', async () => {
    const res = await member.get('/api/calendar/days?year=2026');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.year, 2026);
    assert.equal(body.items.length, 33 + 6);
    assert.deepEqual(body.items[0], { day: '2026-01-01', kind: 'holiday', name: '元旦', version: 1 });
    assert.deepEqual(
      body.items.find((d: { day: string }) => d.day === '2026-02-14'),
      { day: '2026-02-14', kind: 'workday', name: '春节调休上班', version: 1 },
    );
    assert.deepEqual(
      body.items.map((d: { day: string }) => d.day),
      body.items.map((d: { day: string }) => d.day).sort(),
    );
    assert.equal((await member.get('/api/calendar/days?year=2024')).json().items.length, 0);
    const anonymous = await client(t.app).get('/api/calendar/days?year=2026');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
  });

  it('tells the web app who may edit it', async () => {
    assert.equal((await admin.get('/api/auth/me')).json().abilities['calendar.manage'], true);
    assert.equal((await staff.get('/api/auth/me')).json().abilities['calendar.manage'], false);
  });

  it('lets the system administrator mark a day, with exactly one audit row, then change it by version', async () => {
    const res = await put(admin, '2026-07-01', { kind: 'holiday', name: '建党纪念日调休' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { day: '2026-07-01', kind: 'holiday', name: '建党纪念日调休', version: 1 });
    const audits = await auditsOf('calendar_day.set', '2026-07-01 建党纪念日调休');
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.targetType, 'calendar_day');
    assert.equal(audits[0]!.before, null);
    assert.equal((audits[0]!.after as { kind: string }).kind, 'holiday');
    assert.ok(audits[0]!.actorUserId);

    const changed = await put(admin, '2026-07-01', {
      kind: 'holiday',
      name: '本会休息日',
      expectedVersion: 1,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().version, 2);
    const [second] = await auditsOf('calendar_day.set', '2026-07-01 本会休息日');
    assert.equal((second!.before as { name: string }).name, '建党纪念日调休');
    assert.equal((second!.after as { name: string }).name, '本会休息日');

    const stale = await put(admin, '2026-07-01', { kind: 'holiday', name: '旧版本', expectedVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(errorOf(stale).details, { currentVersion: 2, expectedVersion: 1 });

    // Saving what is already there changes nothing and records nothing.
    const same = await put(admin, '2026-07-01', { kind: 'holiday', name: '本会休息日' });
    assert.equal(same.json().version, 2);
    assert.equal((await auditsOf('calendar_day.set', '2026-07-01 本会休息日')).length, 1);
  });

  it('refuses editing by any other role with 403, and changes nothing', async () => {
    for (const who of [staff, member]) {
      const res = await put(who, '2026-07-02', { kind: 'holiday', name: '不应保存' });
      assert.equal(res.statusCode, 403);
      const e = errorOf(res);
      assert.equal(e.code, 'FORBIDDEN');
      assert.equal(e.message, '您没有执行此操作的权限');
      const del = await who.del('/api/calendar/days/2026-01-01');
      assert.equal(del.statusCode, 403);
    }
    const rows = await t.database.db
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.committeeId, c.id), eq(calendarDays.day, '2026-07-02')));
    assert.equal(rows.length, 0);
  });

  it('answers a bad date, kind or year with 400 and a Chinese message', async () => {
    const badDay = await put(admin, '2026-02-30', { kind: 'holiday', name: '无效' });
    assert.equal(badDay.statusCode, 400);
    const e = errorOf(badDay);
    assert.equal(e.code, 'VALIDATION_FAILED');
    assert.equal(e.message, '提交的内容有误，请按提示修改后重试');
    assert.deepEqual(e.details, [
      { path: '路径参数 day', message: '日期格式应为 YYYY-MM-DD（如 2026-02-16），且须是有效日期' },
    ]);

    const badBody = await put(admin, '2026-07-03', { kind: 'vacation', name: ' ', extra: 1 });
    assert.equal(badBody.statusCode, 400);
    const paths = (errorOf(badBody).details as { path: string; message: string }[]).map((d) => d.path);
    assert.ok(paths.includes('kind') && paths.includes('name'), JSON.stringify(errorOf(badBody).details));

    const weekdayWorkday = await put(admin, '2026-07-03', { kind: 'workday', name: '调休上班' });
    assert.equal(weekdayWorkday.statusCode, 400);
    assert.deepEqual(errorOf(weekdayWorkday).details, [
      { path: 'kind', message: '周一至周五本来就是工作日，只有周六、周日可以设为调休上班' },
    ]);

    const badYear = await member.get('/api/calendar/days?year=twenty');
    assert.equal(badYear.statusCode, 400);
    const badStart = await member.get('/api/calendar/due?start=2026/03/16&amount=5&unit=wd');
    assert.equal(badStart.statusCode, 400);
    assert.deepEqual(errorOf(badStart).details, [
      {
        path: '查询参数 start',
        message: '日期格式应为 YYYY-MM-DD（如 2026-02-16），且须是有效日期',
      },
    ]);
    const badUnit = await member.get('/api/calendar/due?start=2026-03-16&amount=5&unit=week');
    assert.deepEqual(errorOf(badUnit).details, [
      { path: '查询参数 unit', message: '期限单位应为 wd（工作日）、nd（自然日）或 mo（个月）' },
    ]);
  });

  it('previews a deadline on the committee calendar, and follows the administrator’s edits', async () => {
    // 7 wd from Friday 2025-09-26: 9-28 (调休) … 10-13, skipping 国庆 10-1…10-8.
    assert.deepEqual(await due(member, '2025-09-26', 7, 'wd'), {
      start: '2025-09-26',
      due: '2025-10-13',
      workingDays: 7,
      yearsWithoutCalendar: [],
    });
    // 5 wd from Monday 2026-03-16 → Monday 3-23; with Friday 3-20 a holiday → Tuesday 3-24.
    assert.equal((await due(staff, '2026-03-16', 5, 'wd')).due, '2026-03-23');
    assert.equal((await put(admin, '2026-03-20', { kind: 'holiday', name: '本会调休' })).statusCode, 200);
    const moved = await due(staff, '2026-03-16', 5, 'wd');
    assert.equal(moved.due, '2026-03-24');
    assert.equal(moved.workingDays, 5);
    // A 30-day period ending on that Friday moves to the next working day too.
    assert.equal((await due(staff, '2026-02-18', 30, 'nd')).due, '2026-03-23');
  });

  it('clears a day (audited), after which deadlines follow the plain week again', async () => {
    // 3 months from 2025-11-30 end on Saturday 2026-02-28, a 调休 working day.
    assert.equal((await due(member, '2025-11-30', 3, 'mo')).due, '2026-02-28');
    const res = await admin.del('/api/calendar/days/2026-02-28?expectedVersion=1');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await auditsOf('calendar_day.deleted', '2026-02-28 春节调休上班')).length, 1);
    assert.equal((await due(member, '2025-11-30', 3, 'mo')).due, '2026-03-02');
    const again = await admin.del('/api/calendar/days/2026-02-28');
    assert.equal(again.statusCode, 404);
    assert.equal(errorOf(again).code, 'NOT_FOUND');
    const stale = await admin.del('/api/calendar/days/2026-01-04?expectedVersion=7');
    assert.equal(stale.statusCode, 409);
  });

  it('warns when a period runs into a year the calendar does not cover', async () => {
    const body = await due(member, '2026-11-16', 3, 'mo');
    assert.equal(body.due, '2027-02-16');
    assert.deepEqual(body.yearsWithoutCalendar, [2027]);
  });

  it('keeps each committee’s calendar its own; the seed leaves edited days alone', async () => {
    const other = await createTestCommittee(t.database.db);
    const otherAdmin = await signInAs(t.app, await createTestUser(t.database.db, other, ['sysadmin']));
    assert.equal((await due(otherAdmin, '2026-03-16', 5, 'wd')).due, '2026-03-23');
    const days = (await otherAdmin.get('/api/calendar/days?year=2026')).json().items;
    assert.ok(!days.some((d: { day: string }) => d.day === '2026-03-20'));
    assert.equal(days.length, 33 + 6);

    // Seeding again adds no duplicate and keeps an administrator's change to an official day.
    const renamed = await put(admin, '2026-10-07', { kind: 'holiday', name: '国庆节（本会）' });
    assert.equal(renamed.statusCode, 200, renamed.body);
    const before = await loadCalendar(t.database.db, c.id);
    await seedDefaultCalendar(t.database.db, c.id);
    const [row] = await t.database.db
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.committeeId, c.id), eq(calendarDays.day, '2026-10-07')));
    assert.equal(row!.name, '国庆节（本会）');
    assert.equal(row!.version, 2);
    // The day cleared above is an official one, so a new seed brings it back; nothing else changes.
    const afterSeed = await loadCalendar(t.database.db, c.id);
    assert.equal(afterSeed.size, before.size + 1);
    assert.equal(afterSeed.get('2026-02-28'), 'workday');
  });
});
