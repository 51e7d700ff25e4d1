import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appNames, portVariable } from '@quizbook/platform';

const root = path.resolve(__dirname, '..');
const userMain = path.join(root, 'dist/apps/user/main.js');
const startAll = path.join(root, 'dist/tools/start-all.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every child still running when a test ends (a failed assertion) is killed, so jest never hangs on it. */
const children = new Set<ChildProcess>();

function run(entry: string, env: Record<string, string>, cwd = root): Run {
  // Only what the app needs: the test's own environment must not leak settings into it.
  const child = spawn(process.execPath, [entry], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitUntilReady(url: string, exited: Promise<unknown>): Promise<void> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (;;) {
    if (stopped) throw new Error('the app exited before it was ready');
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// One file for every built entry point: the build empties dist/, so two suites building at once would
// pull the files from under each other.
describe('the built entry points, run as processes', () => {
  let dir: string;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['tools/build.mjs'], { cwd: root });
  }, 60_000);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quizbook-entry-'));
  });

  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('node dist/apps/user/main.js listens on PORT, becomes ready, and exits 0 on SIGTERM after a graceful shutdown', async () => {
    const port = await freePort();
    const app = run(userMain, {
      PORT: String(port),
      EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
      BUS_URL: 'memory:',
      READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(url, app.exited);

    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { checks: Record<string, unknown> };
    expect(Object.keys(ready.checks).sort()).toEqual(['bus', 'cache', 'eventStore', 'readDb']);

    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    const lines = app
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { app: string; msg: string; url?: string });
    expect(lines.every((line) => line.app === 'user')).toBe(true);
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining([`user listening on ${url}`, 'shutting down', 'app stopped', 'stopped']),
    );
    expect(app.stderr()).toBe('');
  });

  it('node dist/apps/user/main.js refuses a wrong EVENT_STORE_URL with exit 1 and one line naming it, without a stack trace', async () => {
    const app = run(userMain, { PORT: '0', EVENT_STORE_URL: 'foo' });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(
      'config error: EVENT_STORE_URL must be a sqlite:, mysql:// or esdb:// URL, got "foo"\n',
    );
    expect(app.stdout()).toBe('');
  });

  it('node dist/tools/start-all.js runs all eight apps in one process on the embedded default, then stops on SIGINT', async () => {
    const names = appNames;
    const ports = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await freePort()] as const)),
    );
    const env = Object.fromEntries(names.map((name) => [portVariable(name), String(ports[name])]));
    const all = run(startAll, env, dir);
    for (const name of names) await waitUntilReady(`http://127.0.0.1:${ports[name]}`, all.exited);

    // The embedded default lives under ./data/ of the working directory.
    expect((await readdir(path.join(dir, 'data'))).sort()).toEqual(
      expect.arrayContaining(['events.db', 'read.db']),
    );
    for (const name of names) {
      const url = `http://127.0.0.1:${ports[name]}`;
      expect(all.stdout()).toMatch(new RegExp(`${name}\\s+${url}\\s+${url}/health/ready`));
    }

    all.child.kill('SIGINT');
    expect(await all.exited).toEqual({ code: 0, signal: null });
    expect(all.stderr()).toBe('');
  });
});
