#!/usr/bin/env node
/**
 * The `nashra` command (package.json `bin`), run as compiled JavaScript: TypeScript is
 * not compiled at each start, and on Node 22.1+ V8's compile cache keeps the parsed
 * modules between runs, so a command starts in a fraction of a second. The CLI itself
 * is `main.ts`, imported only after the cache is on.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
