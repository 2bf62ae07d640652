import { describe, expect, it } from 'vitest';
import { parseFeedList } from '../../../src/core/feeds/feed-list.js';

describe('parseFeedList', () => {
  it('reads URL [name] lines, skipping comments and blanks, and reports bad lines by number', () => {
    const text = [
      '# Arabic news',
      '',
      'https://example.org/rss.xml الجريدة اليومية',
      'http://example.com/atom   # trailing comment',
      'file:///etc/passwd',
      'not a url at all',
      'ftp://example.org/feed',
      'https://example.org/rss.xml again',
      'https://user:pw@example.net/feed',
    ].join('\n');
    const list = parseFeedList(text);
    expect(list.feeds).toEqual([
      { url: 'https://example.org/rss.xml', name: 'الجريدة اليومية' },
      { url: 'http://example.com/atom', name: null },
    ]);
    expect(list.problems).toEqual([
      { line: 5, reason: 'only http and https feeds are read, not file' },
      { line: 6, reason: '"not" is not a URL (expected: https://example.com/feed.xml [name])' },
      { line: 7, reason: 'only http and https feeds are read, not ftp' },
      { line: 8, reason: 'https://example.org/rss.xml is listed twice; polled once' },
      { line: 9, reason: 'a feed URL must not carry a user name or password' },
    ]);
  });

  it.each([
    ['', 0],
    ['\uFEFFhttps://a.example/feed\r\nhttps://b.example/feed\r\n', 2],
    ['#https://a.example/feed', 0],
    ['https://a.example/feed#section', 1],
  ])('%j → %i feeds', (text, n) => {
    expect(parseFeedList(text).feeds).toHaveLength(n);
  });

  it('caps the number of feeds and says which lines were ignored', () => {
    const list = parseFeedList(['https://a.example/1', 'https://a.example/2', 'https://a.example/3'].join('\n'), 2);
    expect(list.feeds).toHaveLength(2);
    expect(list.problems).toEqual([{ line: 3, reason: 'more than 2 feeds; this one is ignored' }]);
  });
});
