/**
 * `npm run seed`: writes the demo committee (政协同心市委员会) into the configured database when it holds
 * no committee yet, and prints the demo logins. Uses the same settings as the server (DATABASE_URL or
 * DATA_DIR); stop the server first when it runs on the embedded database, which one process at a time owns.
 */
import { loadConfig } from '../server/src/config.ts';
import { seedDemoIfEmpty } from '../server/src/modules/demo/seed-demo.ts';
import { openDatabase } from '../server/src/platform/db/connect.ts';
import { DataDirLockedError } from '../server/src/platform/db/lock.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  try {
    const started = performance.now();
    const demo = await seedDemoIfEmpty(database.db);
    const where = database.engine === 'pglite' ? `内置数据库 ${config.dataDir}` : 'PostgreSQL';
    if (!demo) {
      console.log(`数据库中已有委员会，未写入演示数据（${where}）。`);
      console.log('The database already holds a committee; no demo data written.');
      return 0;
    }
    console.log(
      `已写入演示数据：政协同心市委员会（${where}，${Math.round(performance.now() - started)} ms）`,
    );
    console.log('演示账号（密码均为 %s）/ demo logins:', demo.password);
    for (const login of demo.logins) {
      console.log(`  ${login.role.padEnd(20)} ${login.username.padEnd(14)} ${login.label}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
