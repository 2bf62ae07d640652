import { NashraError } from '../core/errors/nashra-error.js';
import type { Db } from './open-database.js';

/** SQLite result codes that mean the file itself is damaged, not that a query went wrong. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

/** True for an error SQLite raises on a damaged file («database disk image is malformed»). */
export function isDamageError(err: unknown): boolean {
  return DAMAGE_CODES.test((err as { code?: string })?.code ?? '');
}

/**
 * The error a person reads when the database is damaged: which file, what SQLite found,
 * and the way out. The index can always be rebuilt from the corpus; subscriptions and the
 * delivery log live in the same file, so `index --rebuild` copies them over first.
 */
export function damagedDatabase(file: string, detail: string, cause?: unknown): NashraError {
  return new NashraError(
    'CORRUPT',
    `database ${file} is damaged (${detail}). Stop every nashra process using it, then run ` +
      `\`npm run -s cli -- index --rebuild --db ${file}\` to rebuild the index from the corpus, keeping ` +
      `subscriptions and the delivery log (the damaged file is kept as ${file}.damaged), or restore a backup made with \`backup\`.`,
    { cause },
  );
}

/**
 * `PRAGMA quick_check`: reads every page and checks its structure (not index contents),
 * the check worth running at start-up and after a crash. Throws `damagedDatabase` with
 * SQLite's first findings.
 */
export function quickCheck(db: Db, file: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  } catch (err) {
    throw damagedDatabase(file, (err as Error).message, err);
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw damagedDatabase(file, `quick_check: ${problems.slice(0, 2).join('; ')}`);
}
