import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';

describe('parseCliArgs', () => {
  it.each([
    [['search', 'كوريا', 'الشمالية', '--json'], { command: 'search', text: 'كوريا الشمالية', json: true }],
    [['search', '"', '--limit', '3'], { command: 'search', text: '"', limit: 3 }],
    [['summary', '--all', '--words', '50'], { command: 'summary', all: true, words: 50 }],
    [['summary', '003', '--sentences', '2'], { command: 'summary', text: '003', sentences: 2 }],
    [['digest', '--since', '2026-11-01'], { command: 'digest', since: '2026-11-01T00:00:00.000Z' }],
    [['digest', '--topic', 'كوريا الشمالية، روسيا'], { command: 'digest', topic: 'كوريا الشمالية، روسيا' }],
    [['index', '--corpus', 'x', '--db', 'y.sqlite'], { command: 'index', corpus: 'x', db: 'y.sqlite' }],
    [[], { command: 'help' }],
    [['--help'], { command: 'help' }],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['search', ''], /needs a query/],
    [['quotes'], /needs a name/],
    [['summary'], /article id or a topic/],
    [['summary', 'x', '--all'], /not both/],
    [['search', 'x', '--sentences', '2'], /does not take --sentences/],
    [['latest', '--limit', '0'], /from 1 to 1000/],
    [['latest', '--limit', '2.5'], /whole number/],
    [['summary', 'x', '--sentences', '2', '--words', '9'], /not both/],
    [['digest', '--since', 'yesterday'], /ISO-8601/],
    [['people', 'extra'], /takes no text/],
    [['digest', '--topic', ' '], /--topic needs words/],
    [['search', 'x', '--topic', 'y'], /does not take --topic/],
    [['explode'], /unknown command/],
    [['search', 'x', '--bogus'], /bogus/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
