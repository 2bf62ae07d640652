import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BODIES = [
  'الحكومة',
  'البرلمان',
  'الوزارة',
  'اللجنة',
  'الهيئة',
  'المجلس',
  'الشركة',
  'البلدية',
  'الجامعة',
  'المحكمة',
];
const SECTORS = [
  'الطاقة',
  'المياه',
  'النقل',
  'الصحة',
  'التعليم',
  'الزراعة',
  'الإسكان',
  'الاتصالات',
  'السياحة',
  'الصناعة',
];

/** One long sentence of `clauses` clauses joined by Arabic commas (which do not end a sentence). */
function longSentence(n: number, k: number, clauses: number): string {
  const parts: string[] = [];
  for (let c = 0; c < clauses; c++) {
    parts.push(
      `${c === 0 ? 'أعلنت' : 'وأضافت'} ${BODIES[(n + c + k) % 10]} أن مشروع ${SECTORS[(n * 3 + c + k) % 10]} رقم ${n * 100 + k * 10 + c} سيبدأ في المرحلة ${c + 1} من الخطة`,
    );
  }
  return `${parts.join('، ')}.`;
}

/** The title of long article `n`. */
export const longTitle = (n: number): string => `تقرير مطول رقم ${n} عن مشاريع البنية التحتية`;

/**
 * Writes `count` articles of two long sentences each (so a digest item is its title, both
 * sentences and no quote), dated 11, 12, … March 2026 so the last is the newest. Nine of
 * them make a digest of about 10,500 characters: three Telegram messages (4096 each) and
 * three Discord messages (one 4096-character embed each, 6000 per message).
 */
export function addLongArticles(corpusDir: string, count = 9): void {
  for (let n = 1; n <= count; n++) {
    const text = [
      `title: ${longTitle(n)}`,
      `date: 2026-03-${String(10 + n).padStart(2, '0')}`,
      '',
      longSentence(n, 1, 8),
      longSentence(n, 2, 8),
      '',
    ].join('\n');
    writeFileSync(join(corpusDir, `long-${n}.txt`), text);
  }
}
