import { describe, expect, it } from 'vitest';
import { cutAtWord } from '../../../src/core/text/cut-at-word.js';

describe('cutAtWord', () => {
  it.each([
    ['fits as it is', 'قال الوزير', 20, 'قال الوزير'],
    ['cuts at the last space, with an ellipsis', 'قال الوزير إن المحادثات مستمرة', 16, 'قال الوزير إن…'],
    ['drops a trailing comma before the ellipsis', 'أولا، ثانيا، ثالثا', 12, 'أولا، ثانيا…'],
    ['cuts one huge word hard', 'ا'.repeat(30), 10, `${'ا'.repeat(9)}…`],
    ['never splits a surrogate pair', `ab ${'😀'.repeat(10)}`, 7, 'ab 😀…'],
  ])('%s', (_, text, max, expected) => {
    const cut = cutAtWord(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});
