import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './modules/demo/seed-demo.ts';
import { openDatabase } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';

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
  const app = await buildApp(database.db, config);
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const where = database.engine === 'pglite' ? `内置数据库 ${config.dataDir}` : 'PostgreSQL';
  console.log(`\n同心 Tongxin 已启动：${url}  （${where}）`);
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
