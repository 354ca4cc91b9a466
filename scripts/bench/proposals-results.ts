/**
 * What the proposal benchmarks measure and share: the options, the per-engine results, the targets and the
 * small helpers every step uses (scripts/bench/proposals.ts runs the steps; proposals-report.ts writes them).
 */
import type { FastifyInstance } from 'fastify';
import type { sql } from 'drizzle-orm';
import type { Actor } from '../../server/src/platform/authz/actor.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import type { PgCluster } from '../pg-cluster.ts';
import type { LoadResult, LoadSpec } from './load.ts';
import type { BenchProposalData } from './proposals-generate.ts';

export type Engine = 'pglite' | 'postgres';

/** The measured steps, in the order they run; `--steps=` picks some (then nothing is written to the docs). */
export const benchSteps = ['submission', 'list', 'bulk', 'stats'] as const;
export type BenchStep = (typeof benchSteps)[number];

export interface ProposalBenchOptions {
  engines: Engine[];
  proposals: number;
  submitters: number;
  perSubmitter: number;
  connections: number;
  duration: number;
  warmup: number;
  write: boolean;
  /** Print the EXPLAIN (ANALYZE) plans of the list queries on PostgreSQL even when the targets are met. */
  explain: boolean;
  /** The steps to run after the generation; all of them unless narrowed. */
  steps: BenchStep[];
}

export interface BenchTools {
  /** Runs autocannon in its own process (scripts/bench/load.ts). */
  load(spec: LoadSpec): Promise<LoadResult>;
  /** Replaces the text between the markers in docs/benchmarks.md. */
  writeSection(section: string, startMarker: string, endMarker: string): void;
}

/** One engine with its generated data and the app listening: what every step works on. */
export interface StepContext {
  engine: Engine;
  db: Db;
  /** PostgreSQL only: the throwaway cluster (EXPLAIN runs over a connection of its own). */
  cluster: PgCluster | null;
  app: FastifyInstance;
  base: string;
  data: BenchProposalData;
  /** The proposal staff user, signed in over HTTP, and the same session as an actor (in-process calls). */
  staffCookie: string;
  actor: Actor;
  options: ProposalBenchOptions;
  tools: BenchTools;
  /** A call of the app's API as the proposal staff user. */
  call(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }>;
}

export const targets = { listP95Ms: 100, statsMs: 1000 };
export const bulkSize = 500;
export const bulkRuns = 3;
export const statsRuns = 10;
export const searchTerm = '养老';
/** Each submission round stops starting new pairs after this long (keeps a stuck server bounded). */
export const submitTimeLimitSeconds = 60;

export interface Timed {
  min: number;
  median: number;
  max: number;
  runs: number[];
}

export interface ListPlans {
  totalMs: number;
  /** In the order the request sends them (the page query first). */
  statements: { sql: string; ms: number; plan: string }[];
}

export interface ListRun extends LoadResult {
  total: number;
  bytes: number;
  /** One request's work in-process (listProposals, sequential), ms. */
  inProcessMs: number;
  /** PostgreSQL: EXPLAIN ANALYZE of every statement of one request. */
  plans: ListPlans | null;
}

export interface StatsRun extends Timed {
  received: number;
  breakdown: string;
  /** In-process, best of three: loadProposalFacts (its queries and the classification), summarizeProposals. */
  factsMs: number;
  sumMs: number;
}

export interface SubmissionRun {
  submitted: number;
  submitP50: number;
  submitP99: number;
  pairP50: number;
  pairP99: number;
  perSecond: number;
  acknowledged: number;
  lost: number;
  failures: number;
  /** Deadlocks PostgreSQL detected during the submissions. */
  deadlocks: number;
  /** HTTP status → count of the failed calls. */
  failedStatuses: Record<string, number>;
  skipped: number;
  wallSeconds: number;
}

export interface BulkRun {
  ms: number[];
  size: number;
  rows: number;
  verified: boolean;
}

/** The results of the measured steps (a narrowed run has some of them). */
export interface StepResults {
  submission: SubmissionRun;
  listFilters: ListRun;
  listSearch: ListRun;
  bulk: BulkRun;
  statsSession: StatsRun;
  statsYear: StatsRun;
}

export interface EngineRun extends StepResults {
  engine: Engine;
  version: string;
  data: BenchProposalData;
  generationSeconds: number;
  analyzeSeconds: number;
  dbBytes: number;
  dataDirBytes: number | null;
  walBytes: number | null;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const timed = (runs: number[]): Timed => ({
  min: Math.min(...runs),
  median: percentile(runs, 50),
  max: Math.max(...runs),
  runs,
});

type Rows<T> = { rows: T[] };
/** Both drivers answer `execute` with `{ rows }`. */
export const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows<T>).rows;
