import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src/core/search/search-query.js';
import { buildSearchDocument } from '../../../src/store/postgres/build-search-document.js';
import { renderTsquery } from '../../../src/store/postgres/render-tsquery.js';

describe('renderTsquery', () => {
  it.each<[string, SearchQuery, string | null]>([
    ['a word: title and body words', { op: 'word', text: 'بوتين' }, "'بوتين':AC"],
    ['a stem: every part', { op: 'stem', text: 'كوري' }, "'كوري':ABCD"],
    ['a phrase: adjacent words', { op: 'phrase', words: ['كيم', 'جونغ'] }, "('كيم':AC <-> 'جونغ':AC)"],
    [
      'and / or',
      {
        op: 'and',
        nodes: [
          { op: 'word', text: 'a' },
          {
            op: 'or',
            nodes: [
              { op: 'stem', text: 'b' },
              { op: 'word', text: 'c' },
            ],
          },
        ],
      },
      "('a':AC & ('b':ABCD | 'c':AC))",
    ],
    ['a quote is escaped, not syntax', { op: 'word', text: "x' | 'y" }, "'x'' | ''y':AC"],
    ['a backslash is escaped', { op: 'word', text: 'a\\' }, "'a\\\\':AC"],
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
      "'b':AC",
    ],
  ])('%s', (_name, query, expected) => {
    expect(renderTsquery(query)).toBe(expected);
  });
});

describe('buildSearchDocument', () => {
  it('weights title words A, title stems B, body words C, body stems D, words first', () => {
    const doc = buildSearchDocument({ words: 'وبوتين قال', stems: 'بوتين' }, { words: 'قال بوتين', stems: '' });
    expect(doc).toBe("'وبوتين':1A 'قال':2A,5C 'بوتين':6C,9B");
  });

  it('leaves a gap between title and body so no phrase spans them', () => {
    const doc = buildSearchDocument({ words: 'a', stems: '' }, { words: 'b', stems: '' });
    expect(doc).toBe("'a':1A 'b':4C");
  });
});
