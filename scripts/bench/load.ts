/**
 * The load generator, run as its own process so it does not share an event loop with the server under
 * test: `node scripts/bench/load.ts '<json LoadSpec>'` prints one JSON LoadResult line on stdout.
 * autocannon drives the connections; latencies are collected per response (sub-millisecond, which
 * autocannon's own histogram rounds away) to give exact p50/p95/p99.
 */
import { createRequire } from 'node:module';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Responses per second over the whole run. */
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  durationSeconds: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let ok = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        headers: spec.headers ?? {},
        timeout: 10,
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = latencies.subarray(0, count).sort();
        resolve({
          requests: ok,
          rps: ok / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: count > 0 ? sorted[count - 1]! : Number.NaN,
          durationSeconds: result.duration,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 200 || status >= 300) return;
      ok++;
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = ms;
    });
  });
}

if (import.meta.main) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const result = await runLoad(spec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
