import { existsSync } from 'node:fs';

/** Where a local `.env` is looked for: the directory nashra is started from. */
export const ENV_FILE = '.env';

/**
 * Loads `.env` into the environment when the file exists, so a copied `.env.example`
 * works without exporting anything. Variables already set in the environment win.
 * Returns whether a file was loaded.
 */
export function loadEnvFile(path: string = ENV_FILE): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
