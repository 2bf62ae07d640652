import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src/core/search/search-query.js';
import { buildSearchDocument } from '../../../src/store/postgres/build-search-document.js';
import { rankParts, renderTsquery } from '../../../src/store/postgres/render-tsquery.js';

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
  it('splits a query into terms and parts, weighted as the bm25 columns (title word = 1)', () => {
    const parts = rankParts({
      op: 'and',
      nodes: [
        { op: 'word', text: 'a' },
        { op: 'stem', text: 'b' },
      ],
    });
    expect(parts).toEqual([
      { term: 0, tsquery: "'^a'", weight: 1 },
      { term: 0, tsquery: "'a'", weight: 0.2 },
      { term: 1, tsquery: "'^b'", weight: 1 },
      { term: 1, tsquery: "'^~b'", weight: 0.625 },
      { term: 1, tsquery: "'b'", weight: 0.2 },
      { term: 1, tsquery: "'~b'", weight: 0.125 },
    ]);
  });
});

describe('buildSearchDocument', () => {
  it('puts each part in its namespace; words keep their positions, stems need none', () => {
    const doc = buildSearchDocument({ words: 'وبوتين قال', stems: 'بوتين' }, { words: 'قال بوتين قال', stems: '' });
    expect(doc).toBe("'^وبوتين':1 '^قال':2 'قال':1,3 'بوتين':2 '^~بوتين'");
  });
});
