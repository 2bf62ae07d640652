import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../../src/core/quotes/quote-spans.js';

const texts = (sentence: string) => findQuoteSpans(sentence).map((s) => s.text);

describe('findQuoteSpans', () => {
  it.each([
    ['guillemets', 'قال: «نعم للحوار» ثم غادر.', ['نعم للحوار']],
    ['curly quotes', 'قال: “نعم للحوار” ثم غادر.', ['نعم للحوار']],
    ['straight quotes', 'قال: "نعم للحوار" ثم غادر.', ['نعم للحوار']],
    ['low-9 opening mark', 'قال: „نعم للحوار” ثم غادر.', ['نعم للحوار']],
    ['two quotes in a sentence', 'اعتبرت أن “الأول”، لافتة إلى أن “الثاني”.', ['الأول', 'الثاني']],
    [
      'a closing mark typed as an opening one',
      'ولفتت إلى أن “الدولة المعزولة ستواجه الازدراء“.',
      ['الدولة المعزولة ستواجه الازدراء'],
    ],
    ['a nested quote stays inside', 'قال: «إن ما يسمى "الحل" ليس حلا» وانصرف.', ['إن ما يسمى "الحل" ليس حلا']],
    ['an unclosed quote runs to the end', 'قال: «سنواصل العمل حتى النهاية', ['سنواصل العمل حتى النهاية']],
    [
      'a quote never closed before the attribution resumes',
      '“إنهما زعيمان يائسان. وقال هيرتلينج لشبكة CNN: “سيولد هذا الكثير من الاهتمام”.',
      ['إنهما زعيمان يائسان.', 'سيولد هذا الكثير من الاهتمام'],
    ],
    ['a stray closing mark is ignored', 'انتهى الأمر» وقال: «بدأنا».', ['بدأنا']],
    ['marks after a tatweel prefix', 'في تصريحات لـ"بلومبرغ"، أن "الأمر حاسم".', ['بلومبرغ', 'الأمر حاسم']],
    ['empty quotes give nothing', 'قال: "" ثم صمت.', []],
  ])('%s', (_case, sentence, expected) => {
    expect(texts(sentence)).toEqual(expected);
  });

  it('reports where the quoted text starts', () => {
    const sentence = 'قال: «  نعم للحوار  ».';
    const [span] = findQuoteSpans(sentence);
    expect(sentence.slice(span!.textStart, span!.textStart + span!.text.length)).toBe('نعم للحوار');
    expect(sentence[span!.open]).toBe('«');
    expect(sentence[span!.close]).toBe('»');
  });
});
