import { normalizeArabic } from '../text/normalize-arabic.js';
import { attributionCue } from './reporting-verbs.js';
import { isGivenName } from './name-lexicon.js';
import { organizationName } from './classify-subject.js';
import type { PhrasePart } from './name-run.js';
import { isWord, sentenceItems, type WordItem } from './sentence-items.js';
import { isAdjective, isCommonWord, isDefinite, isNameWord, isNisba, withoutArticle } from './speaker-lexicon.js';

/**
 * The organizations a sentence names, for a bare head that stands for one of them: «وقالت
 * الشركة» after «شركة أرامكو السعودية», «وذكرت الشرطة» after «الشرطة الإيطالية». Used by
 * `ArticleSpeakers` when an organization's head comes without its name.
 */

/**
 * Bodies a nationality names («الشرطة الإيطالية»، «الحكومة اليمنية»، «الجيش الأمريكي»): one
 * per country, so «وذكرت الشرطة» is the one police force the article named, nisba and all.
 */
const NATIONAL_HEADS = ['شرطة', 'حكومة', 'جيش'];
const isNationalHead = (head: string): boolean => NATIONAL_HEADS.some((h) => normalizeArabic(h) === head);

/** Organization heads whose bare definite form («الشركة») stands for one the article named. */
export const GENERIC_ORGANIZATION_HEADS = new Set(
  [
    'شركة',
    'نادي',
    'لجنة',
    'وزارة',
    'هيئة',
    'مؤسسة',
    'منظمة',
    'جامعة',
    'مستشفى',
    'مجلس',
    'بنك',
    'مصرف',
    'صندوق',
    'اتحاد',
    'حزب',
    'حركة',
    'جماعة',
    'مركز',
    'معهد',
    'محكمة',
    'سفارة',
    'منتخب',
    'صحيفة',
    'وكالة',
    'قناة',
    'مجموعة',
    'جمعية',
    'رئاسة',
    ...NATIONAL_HEADS,
  ].map((w) => normalizeArabic(w)),
);

/** The article with the clitics it may carry: «الشرطة»، «والشرطة»، «للشرطة». */
const DEFINITE_CLITICS = new Set(['ال', 'وال', 'بال', 'لل', 'فال', 'ولل']);

/** Clitics a named organization may carry in running text: «لشركة»، «وبنادي». */
const ORGANIZATION_CLITICS = new Set(['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل']);

/**
 * The organizations with this head a sentence names: «شركة أرامكو السعودية»، «نادي الهلال»،
 * «شركة "أبل"». The word after the head must be a name or a definite genitive, not an
 * adjective («شركة كبرى»، «لجنة مختصة»، «شركة أمريكية»).
 */
export function namedOrganizations(text: string, head: string): string[] {
  const items = sentenceItems(text);
  const out: string[] = [];
  items.forEach((it, i) => {
    if (!isWord(it) || !it.norm.endsWith(head)) return;
    const prefix = it.norm.slice(0, it.norm.length - head.length);
    // «الشرطة الإيطالية»: a national body is named definite, with its nisba.
    const national = isNationalHead(head) && DEFINITE_CLITICS.has(prefix);
    if (!ORGANIZATION_CLITICS.has(prefix) && !national) return;
    const next = items[i + 1];
    if (!next || next.kind === 'punct') return;
    if (national && !(isWord(next) && isDefinite(next.norm) && isNisba(next.norm))) return;
    if (isWord(next)) {
      const n = next.norm;
      const genitive = isDefinite(n)
        ? !isAdjective(n) && (!isNisba(n) || isNationalHead(head)) && !isCommonWord(withoutArticle(n))
        : isNameWord(n) && !isGivenName(n);
      if (!genitive || attributionCue(n)) return;
    } else if (next.words > 4) return;
    const clitic = it.norm.length - head.length;
    const bare: WordItem = national
      ? { ...it, surface: `ال${it.surface.slice(clitic)}`, norm: `ال${head}` }
      : { ...it, surface: it.surface.slice(clitic), norm: head };
    const parts: PhrasePart[] = [bare];
    for (let k = i + 1; k < items.length && parts.length < 8; k++) {
      const p = items[k]!;
      if (p.kind === 'punct') break;
      // «شركة جنرال موتورز» goes on with name words; after «لجنة الاتصالات» an indefinite word is the verb («حجب»).
      if (
        isWord(p) &&
        parts.length >= 2 &&
        !isDefinite(p.norm) &&
        parts.some((q) => isWord(q) && q !== bare && isDefinite(q.norm))
      )
        break;
      parts.push(p);
    }
    out.push(organizationName(parts));
  });
  return out;
}
