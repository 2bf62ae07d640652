import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { scoreSentences } from '../../../src/core/summary/score-sentences.js';
import { summaryWords } from '../../../src/core/summary/summary-words.js';
import { splitSentences } from '../../../src/core/text/split-sentences.js';
import { loadEasc, prepareEascArticle, respaceEascStops, unwrapEascArticle } from '../../../scripts/lib/easc.js';
import {
  chooseSentences,
  evaluateScorer,
  pairedBootstrap,
  type EvalArticle,
} from '../../../scripts/lib/summary-eval.js';

const SAMPLE = fileURLToPath(new URL('../../fixtures/easc-sample.jsonl', import.meta.url));

describe('EASC preparation', () => {
  it('reads the JSON Lines records', () => {
    const records = loadEasc(SAMPLE);
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r.article.length).toBeGreaterThan(0);
      expect(r.summaries).toHaveLength(5);
    }
  });

  it.each([
    [
      'joins hard-wrapped lines',
      'قال الوزير إن الحكومة\nستعلن القرار غدا.\nوأضاف أن القرار نهائي.',
      'قال الوزير إن الحكومة ستعلن القرار غدا.\nوأضاف أن القرار نهائي.',
    ],
    [
      'keeps lines that end a sentence',
      'جملة أولى.\nجملة ثانية؟\nقائمة:\nعنصر.',
      'جملة أولى.\nجملة ثانية؟\nقائمة:\nعنصر.',
    ],
    [
      'a closing quote or citation mark after the stop still ends the line',
      'قال: «انتهى.»\nثم.[4] [5]\nبعد.',
      'قال: «انتهى.»\nثم.[4] [5]\nبعد.',
    ],
    ['a blank line always ends a paragraph', 'عنوان بلا نقطة\n\nنص المقال.', 'عنوان بلا نقطة\nنص المقال.'],
  ])('unwrap: %s', (_name, input, expected) => {
    expect(unwrapEascArticle(input)).toBe(expected);
  });

  it.each([
    ['a stop glued to the next word', 'إلى نوح.و تعني', 'إلى نوح. و تعني'],
    ['after a year', 'عام 1965.قدم الأخوان', 'عام 1965. قدم الأخوان'],
    ['a question mark', 'لماذا؟ثم', 'لماذا؟ ثم'],
    ['not an abbreviation', 'د.محمد', 'د.محمد'],
    ['not a decimal', '3.5 في المئة', '3.5 في المئة'],
    ['not Latin', 'www.example.com', 'www.example.com'],
  ])('respace: %s', (_name, input, expected) => {
    expect(respaceEascStops(input)).toBe(expected);
  });

  it('gives the annotators’ sentences back to splitSentences', () => {
    const [oud] = loadEasc(SAMPLE).filter((r) => r.articleFile.startsWith('Art and Music'));
    const raw = splitSentences(oud!.article);
    const prepared = splitSentences(prepareEascArticle(oud!.article));
    expect(prepared.length).toBeGreaterThan(raw.length);
    expect(prepared[0]!.text).toBe('العود هي آلة موسيقية شرقية وترية تاريخها موغل بالقدم يرجعه البعض إلى نوح.');
  });
});

describe('evaluation protocol', () => {
  const articles: EvalArticle[] = loadEasc(SAMPLE).map((r) => {
    const sentences = splitSentences(prepareEascArticle(r.article));
    return {
      sentences,
      sentenceWords: sentences.map((s) => summaryWords(s.text)),
      references: r.summaries.map(summaryWords),
    };
  });
  const lead = (a: EvalArticle) => a.sentences.map((_, i) => -i);
  const length = (a: EvalArticle, idx: number[]) => idx.reduce((n, i) => n + a.sentenceWords[i]!.length, 0);

  it.each([10, 40, 80])(
    'fill reaches a %i-word budget; cap never exceeds it unless one sentence is all it has',
    (budget) => {
      for (const a of articles) {
        const filled = chooseSentences(a, lead(a), budget, 'fill');
        expect(length(a, filled)).toBeGreaterThanOrEqual(
          Math.min(
            budget,
            length(
              a,
              a.sentences.map((_, i) => i),
            ),
          ),
        );
        const capped = chooseSentences(a, lead(a), budget, 'cap');
        if (capped.length > 1) expect(length(a, capped)).toBeLessThanOrEqual(budget);
      }
    },
  );

  it('averages over every article-reference pair and stays within [0, 1]', () => {
    const result = evaluateScorer(articles, (a) => scoreSentences(a.sentences), 'fill');
    expect(result.pairs).toBe(15);
    expect(result.perArticle).toHaveLength(3);
    for (const v of [result.r1.precision, result.r1.recall, result.r1.f, result.r2.f]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(result.r2.f).toBeLessThan(result.r1.f);
  });

  it('a reference scores perfectly against itself', () => {
    const a = articles[0]!;
    const self: EvalArticle = { ...a, references: [a.sentenceWords.slice(0, 2).flat()] };
    const result = evaluateScorer([self], lead, 'fill');
    expect(result.r1.f).toBe(1);
    expect(result.r2.f).toBe(1);
  });

  it('the bootstrap interval of no difference is zero', () => {
    expect(pairedBootstrap([0.5, 0.6, 0.7], [0.5, 0.6, 0.7])).toEqual([0, 0]);
    const [low, high] = pairedBootstrap([0.6, 0.7, 0.8, 0.9], [0.5, 0.6, 0.7, 0.8]);
    expect(low).toBeCloseTo(0.1, 10);
    expect(high).toBeCloseTo(0.1, 10);
  });
});
