import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../src/core/search/search-query.js';
import { renderFts5Query } from '../../src/store/render-fts5-query.js';

const W = '{title_words body_words}';
const S = '{title_words title_stems body_words body_stems}';

describe('renderFts5Query', () => {
  it.each<[string, SearchQuery, string]>([
    ['a word: exact words of title and body', { op: 'word', text: 'بوتين' }, `${W}:"بوتين"`],
    ['a stem: stems and words of title and body', { op: 'stem', text: 'حرب' }, `${S}:"حرب"`],
    ['a phrase: adjacent words', { op: 'phrase', words: ['بيونغ', 'يانغ'] }, `${W}:"بيونغ يانغ"`],
    [
      'or: any alternative',
      {
        op: 'or',
        nodes: [
          { op: 'word', text: 'الحرب' },
          { op: 'stem', text: 'حرب' },
        ],
      },
      `(${W}:"الحرب" OR ${S}:"حرب")`,
    ],
    [
      'and: every group',
      {
        op: 'and',
        nodes: [
          { op: 'stem', text: 'كيم' },
          { op: 'stem', text: 'near' },
        ],
      },
      `(${S}:"كيم" AND ${S}:"near")`,
    ],
    [
      'alternative words and phrases share one column filter',
      {
        op: 'or',
        nodes: [
          { op: 'word', text: 'بوتين' },
          { op: 'phrase', words: ['بيونغ', 'يانغ'] },
        ],
      },
      `${W}:("بوتين" OR "بيونغ يانغ")`,
    ],
    ['a group of one is the node itself', { op: 'and', nodes: [{ op: 'stem', text: 'كيم' }] }, `${S}:"كيم"`],
    [
      'nested groups keep their parentheses',
      {
        op: 'or',
        nodes: [
          {
            op: 'and',
            nodes: [
              { op: 'stem', text: 'بيونج' },
              { op: 'stem', text: 'يانج' },
            ],
          },
          { op: 'word', text: 'بيونغيانغ' },
        ],
      },
      `((${S}:"بيونج" AND ${S}:"يانج") OR ${W}:"بيونغيانغ")`,
    ],
    ['operator words stay quoted strings', { op: 'word', text: 'NEAR' }, `${W}:"NEAR"`],
    ['a double quote is escaped, never syntax', { op: 'word', text: 'a"b' }, `${W}:"a""b"`],
  ])('%s', (_name, query, expected) => {
    expect(renderFts5Query(query)).toBe(expected);
  });

  it('refuses an empty group rather than matching everything or nothing by accident', () => {
    expect(() => renderFts5Query({ op: 'or', nodes: [] })).toThrow(/empty/);
  });
});
