// `prepare` (run by npm install / npm ci, and by npx when it first runs `nashra` from a
// checkout): builds dist/ with tsc unless it is already newer than every source file,
// so the build happens once per change rather than on every install or first npx call.
// Then esbuild bundles the CLI (and the analysis worker it starts) into dist/bundle/:
// loading ~200 separate ES modules was most of a command's start-up (0.6 s → under 0.4 s).
// Plain JavaScript, so it needs nothing but node and the typescript and esbuild packages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Written after a successful build; its time is the build's. */
const STAMP = join(root, 'dist', '.built');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map((p) => newest(join(root, p))))) {
  process.stderr.write('nashra: dist/ is up to date\n');
  process.exit(0);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
});
if (result.status !== 0) process.exit(result.status ?? 1);
const esbuild = await import(createRequire(import.meta.url).resolve('esbuild'));
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/cli/nashra.ts', 'src/ingest/analyze-worker.ts'],
  // Flat names: the analyzer pool finds its worker as ./analyze-worker.js beside itself.
  entryNames: '[name]',
  outdir: join(root, 'dist', 'bundle'),
  bundle: true,
  splitting: true, // the feed reader and other lazy imports stay separate chunks
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
