// Compiles apps/, libs/, tools/ and bench/ to dist/ with swc (type-checking is `npm run typecheck`).
import { copyFile, readdir, mkdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { transformFile } = require('@swc/core');
const { root, swcOptions } = require('./swc-options.cjs');

const sourceDirs = ['apps', 'libs', 'tools', 'bench'];
const outDir = path.join(root, 'dist');

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      yield full;
    // Runtime assets read from beside the code (the notification app's email templates).
    else if (entry.name.endsWith('.hbs')) yield full;
  }
}

const started = Date.now();
await rm(outDir, { recursive: true, force: true });
const files = [];
for (const dir of sourceDirs) for await (const file of walk(path.join(root, dir))) files.push(file);

const options = swcOptions({ withPaths: true });
await Promise.all(
  files.map(async (file) => {
    const relative = path.relative(root, file);
    if (file.endsWith('.hbs')) {
      await mkdir(path.dirname(path.join(outDir, relative)), { recursive: true });
      await copyFile(file, path.join(outDir, relative));
      return;
    }
    const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, {
      ...options,
      filename: file,
      sourceFileName: path.relative(path.dirname(target), file),
      swcrc: false,
    });
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
  }),
);
process.stderr.write(`built ${files.length} files into dist/ in ${Date.now() - started} ms\n`);
