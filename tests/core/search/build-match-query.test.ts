import { describe, expect, it } from 'vitest';
import { buildMatchQuery } from '../../../src/core/search/build-match-query.js';
import type { QueryNode } from '../../../src/core/search/search-query.js';

/** Every node of a query of the given kind, as text (a phrase's words joined by a space). */
function strings(node: QueryNode, op: 'word' | 'stem' | 'phrase'): string[] {
  if (node.op === 'and' || node.op === 'or') return node.nodes.flatMap((n) => strings(n, op));
  if (node.op !== op) return [];
  return [node.op === 'phrase' ? node.words.join(' ') : node.text];
}

describe('buildMatchQuery', () => {
  it.each([['"'], ['*'], ['()'], ['😀'], ['---']])('%j has nothing to search', async (q) => {
    expect(await buildMatchQuery(q)).toBeNull();
  });

  it('drops stopwords; a query of nothing but stopwords has nothing to search (they are not indexed)', async () => {
    expect((await buildMatchQuery('أخبار عن بوتين'))!.terms.map((t) => t.word)).toEqual(['بوتين']);
    expect(await buildMatchQuery('في من')).toBeNull();
  });

  it('keeps operator words as quoted strings', async () => {
    const q = (await buildMatchQuery('كيم NEAR( OR'))!;
    expect(q.terms.map((t) => t.word)).toEqual(['كيم', 'near']);
    // Tokens only: the operator word is a plain word to look for, the parenthesis is gone.
    expect(strings(q.query, 'stem')).toEqual(['كيم', 'near']);
    expect(JSON.stringify(q.query)).not.toContain('(');
  });

  it('caps the number of terms', async () => {
    expect((await buildMatchQuery('كلمة '.repeat(100)))!.terms.length).toBeLessThanOrEqual(8);
  });

  it('expands a name to the spellings the corpus uses, closest first, and not to words that merely share a skeleton', async () => {
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.filter((k) => k === 'بتن').map((k) => [k, ['وبوتين', 'بوتين', 'البطن', 'بيتون', 'باتون']]));
    const [term] = (await buildMatchQuery('بوتن', lookup))!.terms;
    expect(term!.variants).toEqual(['بوتين', 'وبوتين']);
  });

  it('adds no variants for an ordinary word: its inflections are matched by the stem', async () => {
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.map((k) => [k, ['الحروب', 'حارب', 'والحرب', 'بالحرب']]));
    expect((await buildMatchQuery('الحرب', lookup))!.terms[0]!.variants).toEqual([]);
  });

  it('offers the joined spelling for two words and the split one for a joined word', async () => {
    const corpus: Record<string, string[]> = { بنجنج: ['بيونغيانغ'], بنج: ['بيونغ'], ينج: ['يانغ'] };
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.filter((k) => corpus[k]).map((k) => [k, corpus[k]!]));
    const split = (await buildMatchQuery('بيونج يانج', lookup))!;
    expect(strings(split.query, 'word')).toContain('بيونغيانغ');
    expect(split.joined).toEqual([{ word: 'بيونغيانغ', first: 0 }]);
    expect(strings((await buildMatchQuery('بيونجيانج', lookup))!.query, 'phrase')).toContain('بيونغ يانغ');
  });
});

describe('the structured query', () => {
  it('is an AND of one group per word: the exact word (or its spellings) OR its stem', async () => {
    const lookup = async (keys: readonly string[]) =>
      new Map(keys.filter((k) => k === 'بتن').map((k) => [k, ['بوتين']]));
    const q = (await buildMatchQuery('الحرب بوتن', lookup))!;
    expect(q.query).toEqual({
      op: 'and',
      nodes: [
        {
          op: 'or',
          nodes: [
            { op: 'word', text: 'الحرب' },
            { op: 'stem', text: q.terms[0]!.stem },
          ],
        },
        {
          op: 'or',
          nodes: [
            {
              op: 'or',
              nodes: [
                { op: 'word', text: 'بوتن' },
                { op: 'word', text: 'بوتين' },
              ],
            },
            { op: 'stem', text: q.terms[1]!.stem },
          ],
        },
      ],
    });
  });

  it('is the stem alone for a word that is its own stem and has no other spelling', async () => {
    const q = (await buildMatchQuery('كيم'))!;
    expect(q.query).toEqual({ op: 'stem', text: 'كيم' });
  });
});
