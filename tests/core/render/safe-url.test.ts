import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../../src/core/render/safe-url.js';

describe('safeUrl', () => {
  it.each([
    ['https://www.spa.gov.sa/news/1', 'https://www.spa.gov.sa/news/1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.com/a b', 'https://example.com/a%20b'],
    ['https://example.com/wiki/Kim_(name)', 'https://example.com/wiki/Kim_%28name%29'],
    ['https://example.com/"><script>', 'https://example.com/%22%3E%3Cscript%3E'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['ftp://example.com/file', null],
    ['/relative/path', null],
    ['https://user:pass@example.com/', null],
    ['not a url', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (url, expected) => expect(safeUrl(url)).toBe(expected));
});
