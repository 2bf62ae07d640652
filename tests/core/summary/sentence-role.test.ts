import { describe, expect, it } from 'vitest';
import { isSummaryRole, sentenceRoles, type SentenceRole } from '../../../src/core/summary/sentence-role.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';

/** The role of `line` when it stands as its own paragraph between two prose paragraphs. */
function roleOf(line: string): SentenceRole {
  const before = 'وقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.';
  const after = 'وأضاف أن الوفدين اتفقا على جدول أعمال يشمل الأمن والاقتصاد والطاقة.';
  const spans = splitSentences([before, line, after].join('\n'));
  const roles = sentenceRoles(spans);
  const i = spans.findIndex((s) => s.text === line.trim());
  expect(i, `"${line}" should be one sentence`).toBeGreaterThan(0);
  return roles[i]!;
}

describe('sentenceRoles: lines that are never summary sentences', () => {
  it.each<[string, SentenceRole]>([
    ['معاهدة دفاعية مع بيونغيانغ', 'heading'],
    ['قلق غربي', 'heading'],
    ['* اليونان: السيطرة على حرائق غابات أسفرت عن مقتل شرطي في الجنوب اليوم بعد أيام من الاشتعال', 'heading'],
    ['ما الذي تغيّر في موسكو؟', 'heading'],
    ['عبدالعزيز الشيخ ـ جدة', 'dateline'],
    ['موسكو (أ ف ب)', 'dateline'],
    ['تصوير: محمد العلي', 'caption'],
    ['(صورة أرشيفية للقاء الرئيسين)', 'caption'],
    ['صورة من الاجتماع الأخير', 'caption'],
    ['كتب: أحمد السيد', 'byline'],
    ['بقلم الدكتور خالد العمر', 'byline'],
    ['...المزيد', 'teaser'],
    ['لمعرفة التفاصيل الكاملة اقرأ المزيد', 'teaser'],
    ['وجاء في البيان الصادر عن الوزارة ما يلي:', 'teaser'],
    ['وهناك أمر آخر ...', 'teaser'],
    ['المقادير:', 'teaser'],
    ['وأضاف:', 'teaser'],
  ])('%s → %s', (line, role) => {
    expect(roleOf(line)).toBe(role);
    expect(isSummaryRole(role)).toBe(false);
  });
});

describe('sentenceRoles: prose stays prose', () => {
  it.each([
    'صور الأقمار الصناعية أظهرت حشودا عسكرية قرب الحدود الشمالية للبلاد.',
    'كتب الرئيس في تغريدة أن بلاده لن تتراجع عن قرارها.',
    'وقُتل ثلاثة أشخاص في الانفجار.',
    'وها نحن نرى هؤلاء الناس يردون الجميل للكاتبة..', // two dots end many Arabic sentences
    'فالهرم هو أحد أكبر الألغاز التي واجهت البشرية منذ مطلع الحضارة ...', // and so do three
    'هل تنجح الوساطة هذه المرة في وقف الحرب التي دخلت عامها الثالث وأنهكت الطرفين؟',
    'إلى ذلك، صوّت البرلمان الروسي بالإجماع، لصالح المصادقة على معاهدة دفاعية مع كوريا الشمالية',
  ])('%s', (line) => {
    expect(roleOf(line)).toBe('body');
  });

  it('a two-word sentence inside a paragraph is a fragment', () => {
    const spans = splitSentences('نعم بالتأكيد. وأكدت أطراف غربية أن بيونغيانغ أرسلت آلاف الجنود إلى روسيا للتدريب.');
    expect(sentenceRoles(spans)).toEqual(['fragment', 'body']);
  });

  it('a heading-like first sentence inside a paragraph is prose, not a heading', () => {
    const spans = splitSentences('قلق غربي. وأكدت أطراف غربية أن بيونغيانغ أرسلت آلاف الجنود إلى روسيا للتدريب.');
    expect(sentenceRoles(spans)[1]).toBe('body');
  });
});
