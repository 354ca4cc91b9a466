import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  /** postgres://… to use a PostgreSQL server; unset to use the embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 应以 postgres:// 开头')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: create the demo committee when the database has no committee yet. */
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Secure cookies need HTTPS; on by default behind a proxy in production. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEB_DIST: z.string().optional(),
  /** Background jobs (deadline reminders, e-mail) in this process. Several instances may all run them. */
  JOBS: z.enum(['on', 'off']).default('on'),
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** smtp(s)://user:pass@host:port — or the SMTP_HOST… variables below. Unset: no e-mail is queued. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL 应以 smtp:// 或 smtps:// 开头')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** The sender, e.g. `同心平台 <noreply@example.gov.cn>`; required when SMTP is configured. */
  SMTP_FROM: z.string().min(3).optional(),
  /** The web app's address, for the link in each mail (e.g. https://tongxin.example.gov.cn). */
  SMTP_LINK_BASE: z.url({ protocol: /^https?$/, error: 'SMTP_LINK_BASE 应为 http(s):// 地址' }).optional(),
});

export interface SmtpConfig {
  /** A connection URL, or the parts of one. */
  url: string | null;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
  linkBase: string | null;
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  demoData: 'auto' | 'off';
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  webDist: string;
  jobs: { enabled: boolean; pollMs: number; concurrency: number };
  /** null: SMTP not configured, notifications stay in the app. */
  smtp: SmtpConfig | null;
}

/** Reads and validates the environment once; a bad value stops start-up with a clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    webDist: path.resolve(e.WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    jobs: { enabled: e.JOBS === 'on', pollMs: e.JOBS_POLL_MS, concurrency: e.JOBS_CONCURRENCY },
    smtp: smtpOf(e),
  };
}

function smtpOf(e: z.infer<typeof envSchema>): SmtpConfig | null {
  if (!e.SMTP_URL && !e.SMTP_HOST) return null;
  if (!e.SMTP_FROM) {
    throw new Error('配置错误 / invalid configuration:\nSMTP_FROM: 配置了 SMTP 时须填写发件人 SMTP_FROM');
  }
  const port = e.SMTP_PORT ?? 587;
  return {
    url: e.SMTP_URL ?? null,
    host: e.SMTP_HOST ?? null,
    port,
    secure: e.SMTP_SECURE ? e.SMTP_SECURE === 'true' : port === 465,
    user: e.SMTP_USER || null,
    pass: e.SMTP_PASS || null,
    from: e.SMTP_FROM,
    linkBase: e.SMTP_LINK_BASE?.replace(/\/+$/, '') ?? null,
  };
}
