import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './modules/demo/seed-demo.ts';
import { registerDeadlineSweep } from './modules/proposals/reminders/deadline-sweep.ts';
import { openDatabase } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { DatabaseJobRunner } from './platform/jobs/db-runner.ts';
import { registerJobHousekeeping } from './platform/jobs/housekeeping.ts';
import { configureEmailOutbox } from './platform/notifications/email-outbox.ts';
import { type MailTransport, registerEmailSender } from './platform/notifications/send-emails.ts';

async function main() {
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const demo = config.demoData === 'auto' ? await seedDemoIfEmpty(database.db) : null;
  // Every instance queues e-mail with its notifications when SMTP is configured, also one with JOBS=off.
  if (config.smtp) configureEmailOutbox({ enabled: true, linkBase: config.smtp.linkBase });
  const app = await buildApp(database.db, config);
  let runner: DatabaseJobRunner | null = null;
  let transport: MailTransport | null = null;
  const shutdown = async () => {
    // Stop taking requests and jobs together; both finish what they started before the database closes.
    await Promise.all([app.close(), runner?.stop()]);
    transport?.close?.();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  if (config.jobs.enabled) {
    // Embedded: the one process runs the jobs. PostgreSQL: every instance may; each job still runs once.
    runner = new DatabaseJobRunner(database.db, {
      pollMs: config.jobs.pollMs,
      concurrency: config.jobs.concurrency,
      log: (message, err) => app.log.warn({ err }, `[jobs] ${message}`),
    });
    registerDeadlineSweep(runner, database.db);
    registerJobHousekeeping(runner, database.db, database.engine);
    if (config.smtp) transport = registerEmailSender(runner, database.db, config.smtp);
    await runner.start();
  }
  const url = `http://localhost:${config.port}`;
  const where = database.engine === 'pglite' ? `内置数据库 ${config.dataDir}` : 'PostgreSQL';
  console.log(`\n同心 Tongxin 已启动：${url}  （${where}）`);
  const jobs = config.jobs.enabled ? '已启动（期限提醒每 10 分钟）' : '未启动（JOBS=off）';
  console.log(`后台任务${jobs}；邮件通知${config.smtp ? '已开启' : '未配置，仅站内通知'}`);
  if (demo) {
    console.log('演示账号（密码均为 %s）/ demo logins:', demo.password);
    for (const login of demo.logins)
      console.log(`  ${login.role.padEnd(20)} ${login.username.padEnd(14)} ${login.label}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
