import { describe, expect, it } from 'vitest';
import { PIPE_STYLE, TERMINAL_STYLE, renderPlain } from '../../src/console/render-plain.js';
import type { Reply } from '../../src/core/commands/reply.js';

const ESC = '\u001b';

/** A search reply whose corpus text carries its own escape codes and bell. */
const reply: Reply = {
  locale: 'ar',
  title: `نتائج البحث عن: كوريا${ESC}[2J`,
  items: [
    {
      heading: 'قمة',
      ref: '001',
      lines: [
        {
          text: `زعيم كوريا الشمالية${ESC}[31m\u0007 في موسكو`,
          marks: [
            [5, 10],
            [11, 19],
          ],
        },
      ],
    },
    { heading: 'معاهدة', lines: [{ text: 'كوريا', marks: [[0, 5]] }] },
  ],
  footer: 'صفحة 1 من 2',
};

describe('renderPlain', () => {
  it('on a terminal, shows matches in bold with whole escape sequences, and nothing else from the text', () => {
    const out = renderPlain(reply, TERMINAL_STYLE);
    expect(out).toContain(`${ESC}[1mكوريا${ESC}[22m ${ESC}[1mالشمالية${ESC}[22m`);
    // Every escape in the output is the style's own; no half sequence like a bare "[1m" is left visible.
    const withoutStyle = out.split(TERMINAL_STYLE.open).join('').split(TERMINAL_STYLE.close).join('');
    expect(withoutStyle).not.toContain(ESC);
    expect(withoutStyle).not.toMatch(/\[(1|22)m/);
    expect(out).not.toContain('\u0007');
  });

  it('in a pipe, marks matches with asterisks and prints no escape code at all', () => {
    const out = renderPlain(reply, PIPE_STYLE);
    expect(out).toContain('**كوريا** **الشمالية**');
    expect(out).not.toContain(ESC);
  });

  it('numbers items from numberFrom, so page 2 goes on from page 1', () => {
    expect(renderPlain(reply)).toMatch(/^1\. قمة/m);
    const page2 = renderPlain({ ...reply, numberFrom: 11 });
    expect(page2).toMatch(/^11\. قمة/m);
    expect(page2).toMatch(/^12\. معاهدة/m);
  });
});
