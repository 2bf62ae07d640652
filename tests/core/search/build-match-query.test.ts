import { describe, expect, it } from 'vitest';
import { buildMatchQuery } from '../../../src/core/search/build-match-query.js';

describe('buildMatchQuery', () => {
  it.each([['"'], ['*'], ['()'], ['😀'], ['---']])('%j has nothing to search', (q) => {
    expect(buildMatchQuery(q)).toBeNull();
  });

  it('drops stopwords unless the query is only stopwords', () => {
    expect(buildMatchQuery('أخبار عن بوتين')!.terms.map((t) => t.word)).toEqual(['بوتين']);
    expect(buildMatchQuery('في من')!.terms.map((t) => t.word)).toEqual(['في', 'من']);
  });

  it('keeps operator words as quoted strings', () => {
    const q = buildMatchQuery('كيم NEAR( OR')!;
    expect(q.terms.map((t) => t.word)).toEqual(['كيم', 'near']);
    expect(q.expression).toContain('"near"');
    expect(q.expression).not.toContain('NEAR(');
  });

  it('caps the number of terms', () => {
    expect(buildMatchQuery('كلمة '.repeat(100))!.terms.length).toBeLessThanOrEqual(8);
  });

  it('offers a joined-name alternative for two Arabic words', () => {
    expect(buildMatchQuery('بيونج يانج')!.expression).toContain('"بنجنج"');
  });
});
