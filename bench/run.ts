/**
 * `npm run bench`: runs every bench module and prints one table. MySQL and Redis rows appear when
 * MYSQL_URL / REDIS_URL are set. `npm run bench -- --record` also rewrites the results section of
 * docs/performance.md, with the machine they were measured on.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, BenchRow } from './bench-row';

const modules: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'event store', load: () => import('./event-store.bench') },
  { name: 'bus', load: () => import('./bus.bench') },
  { name: 'live result', load: () => import('./live-result.bench') },
];

function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
  ].join(', ');
}

function table(rows: BenchRow[]): string {
  const header = ['suite', 'adapter', 'measure', 'result'];
  const lines = rows.map((r) => [r.suite, r.adapter, r.measure, r.result]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(format)].join(
    '\n',
  );
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const module of modules) {
    process.stderr.write(`\n== ${module.name}\n`);
    rows.push(...(await (await module.load()).run()));
  }
  const skipped = [
    process.env.MYSQL_URL ? undefined : 'MySQL rows skipped: MYSQL_URL is not set',
    process.env.REDIS_URL ? undefined : 'Redis rows skipped: REDIS_URL is not set',
  ].filter((line): line is string => line !== undefined);
  const when = new Date().toISOString().slice(0, 10);
  const report = [`Measured ${when} on: ${machine()}`, '', table(rows), '', ...skipped].join('\n');
  process.stdout.write(`\n${report}\n`);

  if (process.argv.includes('--record')) {
    const file = path.resolve(__dirname, '../../docs/performance.md');
    const doc = await readFile(file, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const updated = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${report}\n${end}`);
    await writeFile(file, updated);
    process.stderr.write(`recorded in ${path.relative(process.cwd(), file)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
