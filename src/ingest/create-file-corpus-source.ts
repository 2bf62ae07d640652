import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { NashraError } from '../core/errors/nashra-error.js';
import type { CorpusSource, CorpusUnit, SkippedEntry } from '../core/ports/corpus-source.js';
import { readJsonlUnit } from './read-jsonl-unit.js';
import { readTextUnit } from './read-text-unit.js';

/** Article file name (without extension) → article id: printable and short, or skipped. */
const ID_PATTERN = /^[\p{L}\p{N}_.:-]{1,128}$/u;

function kindOf(name: string): 'txt' | 'jsonl' | null {
  if (name.endsWith('.txt')) return 'txt';
  if (name.endsWith('.jsonl') || name.endsWith('.jsonl.gz')) return 'jsonl';
  return null;
}

/**
 * The corpus on disk: a directory of `.txt` articles and `.jsonl[.gz]` bulk files
 * (searched recursively), or one such file. Listing costs one `stat` per file.
 */
export function createFileCorpusSource(path: string): CorpusSource {
  const problems: SkippedEntry[] = [];
  const statRoot = () => {
    try {
      return statSync(path);
    } catch (cause) {
      throw new NashraError('CORPUS', `corpus not found: ${path}`, { cause });
    }
  };
  statRoot(); // fail fast on a wrong path

  function unitFor(file: string, size: number, mtimeMs: number): CorpusUnit | null {
    const name = basename(file);
    const stamp = `${size}:${Math.trunc(mtimeMs)}`;
    const kind = kindOf(name);
    if (kind === 'jsonl') return readJsonlUnit(file, stamp);
    if (kind !== 'txt') {
      if (!name.startsWith('.') && !/^readme/i.test(name))
        problems.push({ file, reason: 'not an article file (.txt, .jsonl or .jsonl.gz)' });
      return null;
    }
    const id = name.slice(0, -extname(name).length);
    if (!ID_PATTERN.test(id)) {
      problems.push({ file, reason: 'file name must be 1–128 letters, digits, _ . : - (it becomes the article id)' });
      return null;
    }
    return readTextUnit(file, id, size, stamp);
  }

  /** Directories already walked (device:inode): a symlink loop is walked once, not forever. */
  let visited = new Set<string>();

  function walk(dir: string, out: CorpusUnit[]): void {
    try {
      const st = statSync(dir);
      const id = `${st.dev}:${st.ino}`;
      if (visited.has(id)) return;
      visited.add(id);
    } catch {
      /* reported below when it cannot be read */
    }
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      problems.push({ file: dir, reason: `unreadable directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const file = join(dir, name);
      try {
        const st = statSync(file);
        if (st.isDirectory()) walk(file, out);
        else if (st.isFile()) {
          const unit = unitFor(file, st.size, st.mtimeMs);
          if (unit) out.push(unit);
        }
      } catch (err) {
        problems.push({ file, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      }
    }
  }

  return {
    problems,
    units() {
      problems.length = 0;
      const root = statRoot();
      if (!root.isDirectory()) {
        const unit = unitFor(path, root.size, root.mtimeMs);
        return unit ? [unit] : [];
      }
      const out: CorpusUnit[] = [];
      visited = new Set();
      walk(path, out);
      return out;
    },
  };
}
