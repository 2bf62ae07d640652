import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CORPUS } from './create-test-index.js';

/** The seed article the copies are made from (Zelensky on North Korean soldiers). */
export const ORIGINAL_ID = '002_a43548bc8f1b625e';
/** Two seed articles reporting one event (Kim's visit to Russia) in their own words: different stories. */
export const SAME_EVENT_IDS = ['001_1ff7137ef0e8e18e', '004_abc2e34daac322dc'] as const;

const original = () => readFileSync(join(FIXTURE_CORPUS, `${ORIGINAL_ID}.txt`), 'utf8').split('\n');

/**
 * Syndicated copies of the seed article as another newspaper would run them, composed for
 * the tests: each edit is one a real desk makes to an agency story.
 */
export const SYNDICATED_COPIES: Readonly<Record<string, () => string>> = {
  // another headline over the same body
  'copy-headline': () =>
    ['زيلينسكي: بيونغ يانغ ترسل مواطنيها للقتال مع الجيش الروسي', ...original().slice(1)].join('\n'),
  // one paragraph cut
  'copy-cut': () =>
    original()
      .filter((_, i) => i !== 5)
      .join('\n'),
  // a source line before the text and a credit after it
  'copy-source': () => {
    const lines = original();
    return [
      lines[0],
      'كييف (وكالات) - نقلت وكالات الأنباء العالمية اليوم تصريحات الرئيس الأوكراني',
      ...lines.slice(1),
      'المصدر: وكالات الأنباء',
    ].join('\n');
  },
  // names spelled the other common ways
  'copy-names': () =>
    original()
      .join('\n')
      .replace(/زيلينسكي/g, 'زيلنسكي')
      .replace(/بيونغ يانغ/g, 'بيونج يانج')
      .replace(/فولوديمير/g, 'فولودومير'),
};

/** Writes every copy into a corpus folder; returns their ids. */
export function writeSyndicatedCopies(
  corpusDir: string,
  ids: readonly string[] = Object.keys(SYNDICATED_COPIES),
): string[] {
  for (const id of ids) writeFileSync(join(corpusDir, `${id}.txt`), SYNDICATED_COPIES[id]!());
  return [...ids];
}
