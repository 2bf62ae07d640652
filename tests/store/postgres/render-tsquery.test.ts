import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src/core/search/search-query.js';
import { buildSearchDocument } from '../../../src/store/postgres/build-search-document.js';
import {
  PART_ORDER,
  PART_SET_WEIGHTS,
  rankParts,
  renderPlainTsquery,
  renderTsquery,
} from '../../../src/store/postgres/render-tsquery.js';

describe('renderTsquery', () => {
  it.each<[string, SearchQuery, string | null]>([
    ['a word: title and body words', { op: 'word', text: 'بوتين' }, "('^بوتين' | 'بوتين')"],
    ['a stem: every part', { op: 'stem', text: 'كوري' }, "('^كوري' | '^~كوري' | 'كوري' | '~كوري')"],
    [
      'a phrase: adjacent words in one part',
      { op: 'phrase', words: ['كيم', 'جونغ'] },
      "(('^كيم' <-> '^جونغ') | ('كيم' <-> 'جونغ'))",
    ],
    [
      'and / or',
      {
        op: 'and',
        nodes: [
          { op: 'word', text: 'a' },
          {
            op: 'or',
            nodes: [
              { op: 'word', text: 'b' },
              { op: 'word', text: 'c' },
            ],
          },
        ],
      },
      "(('^a' | 'a') & (('^b' | 'b') | ('^c' | 'c')))",
    ],
    ['a quote is escaped, not syntax', { op: 'word', text: "x' | 'y" }, "('^x'' | ''y' | 'x'' | ''y')"],
    ['a backslash is escaped', { op: 'word', text: 'a\\' }, "('^a\\\\' | 'a\\\\')"],
    ['an empty word matches nothing', { op: 'word', text: '' }, null],
    [
      'an and with a part that matches nothing matches nothing',
      {
        op: 'and',
        nodes: [
          { op: 'word', text: 'a' },
          { op: 'or', nodes: [] },
        ],
      },
      null,
    ],
    [
      'an or drops the part that matches nothing',
      {
        op: 'or',
        nodes: [
          { op: 'word', text: '' },
          { op: 'word', text: 'b' },
        ],
      },
      "('^b' | 'b')",
    ],
  ])('%s', (_name, query, expected) => {
    expect(renderTsquery(query)).toBe(expected);
  });
});

describe('rankParts', () => {
  it('splits a query into terms and parts (indexes of PART_ORDER)', () => {
    const parts = rankParts({
      op: 'and',
      nodes: [
        { op: 'word', text: 'a' },
        { op: 'stem', text: 'b' },
      ],
    });
    expect(PART_ORDER).toEqual(['titleWords', 'titleStems', 'bodyWords', 'bodyStems']);
    expect(parts).toEqual([
      { term: 0, part: 0, tsquery: "'^a'" },
      { term: 0, part: 2, tsquery: "'a'" },
      { term: 1, part: 0, tsquery: "'^b'" },
      { term: 1, part: 1, tsquery: "'^~b'" },
      { term: 1, part: 2, tsquery: "'b'" },
      { term: 1, part: 3, tsquery: "'~b'" },
    ]);
  });

  it('looks a term up apart from its phrases, so a common word is answered without reading documents', () => {
    const parts = rankParts({
      op: 'or',
      nodes: [
        { op: 'word', text: 'ab' },
        { op: 'phrase', words: ['a', 'b'] },
      ],
    });
    expect(parts).toEqual([
      { term: 0, part: 0, tsquery: "'^ab'" },
      { term: 0, part: 0, tsquery: "('^a' <-> '^b')" },
      { term: 0, part: 2, tsquery: "'ab'" },
      { term: 0, part: 2, tsquery: "('a' <-> 'b')" },
    ]);
  });

  it('weighs each set of parts as the sum of their bm25 column weights, a title word being 1', () => {
    expect(PART_SET_WEIGHTS).toHaveLength(16);
    expect(PART_SET_WEIGHTS[0b0001]).toBe(1);
    expect(PART_SET_WEIGHTS[0b0010]).toBe(0.625);
    expect(PART_SET_WEIGHTS[0b0100]).toBe(0.2);
    expect(PART_SET_WEIGHTS[0b1000]).toBe(0.125);
    expect(PART_SET_WEIGHTS[0b1111]).toBeCloseTo(1.95);
  });
});

describe('renderPlainTsquery', () => {
  it('drops phrases, and a query left with nothing to match', () => {
    const phrase = { op: 'phrase', words: ['a', 'b'] } as const;
    expect(renderPlainTsquery({ op: 'or', nodes: [{ op: 'word', text: 'ab' }, phrase] })).toBe("('^ab' | 'ab')");
    expect(renderPlainTsquery({ op: 'and', nodes: [{ op: 'word', text: 'c' }, phrase] })).toBeNull();
  });
});

describe('buildSearchDocument', () => {
  it('puts each part in its namespace; words keep their positions, stems need none', () => {
    const doc = buildSearchDocument({ words: 'وبوتين قال', stems: 'بوتين' }, { words: 'قال بوتين قال', stems: '' });
    expect(doc).toBe("'^وبوتين':1 '^قال':2 'قال':1,3 'بوتين':2 '^~بوتين'");
  });
});
