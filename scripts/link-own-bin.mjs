// Links this package's own `bin` commands into node_modules/.bin, as npm does for a
// dependency's, so `npx nashra …` in a checkout runs dist/cli/nashra.js at once. Without
// the link npx installs the checkout into its own cache first (a full build, on the first
// call) and keeps pointing there when the bin changes. Run by `prepare`, after the build;
// plain JavaScript so it needs nothing but node.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bin = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binDir = join(root, 'node_modules', '.bin');
if (!existsSync(join(root, 'node_modules'))) process.exit(0); // installed as a dependency: npm links it
mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(typeof bin === 'string' ? { nashra: bin } : bin)) {
  const file = join(root, target);
  if (!existsSync(file)) throw new Error(`${target} is missing: build first (npm run build)`);
  chmodSync(file, 0o755);
  const link = join(binDir, name);
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, file), link);
}
