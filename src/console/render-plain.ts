import type { Inline, Reply } from '../core/commands/reply.js';

/** How emphasized text (search matches) is shown: bold on a terminal, asterisks in a pipe. */
export interface PlainStyle {
  readonly open: string;
  readonly close: string;
}

export const TERMINAL_STYLE = { open: '\u001b[1m', close: '\u001b[22m' } as const satisfies PlainStyle;
export const PIPE_STYLE = { open: '**', close: '**' } as const satisfies PlainStyle;

/**
 * Control characters (ESC, BEL, backspace …) from the corpus or a query: dropped so an
 * article cannot move the cursor or recolour the terminal. Tab and newline stay.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from outside, safe to print: control characters removed. */
function clean(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/**
 * A run with its marks emphasized. Each piece of text is cleaned before the style's own
 * codes are added around it, so the terminal's escape sequences are never stripped
 * halfway (which left a visible `[1m` around every match).
 */
function inline(run: Inline, style: PlainStyle): string {
  let out = '';
  let at = 0;
  for (const [a, b] of run.marks ?? []) {
    if (a < at || b <= a) continue;
    out += clean(run.text.slice(at, a)) + style.open + clean(run.text.slice(a, b)) + style.close;
    at = b;
  }
  return out + clean(run.text.slice(at));
}

/**
 * Renders a reply as plain text: the console's output and what the chat surfaces say,
 * minus platform markup. Items are numbered from `reply.numberFrom`, so page 2 goes on
 * where page 1 stopped.
 */
export function renderPlain(reply: Reply, style: PlainStyle = PIPE_STYLE): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`${style.open}${clean(reply.title)}${style.close}`);
  for (const p of reply.text ?? []) parts.push(clean(p));
  const first = reply.numberFrom ?? 1;
  (reply.items ?? []).forEach((item, i) => {
    const lines = [`${first + i}. ${clean(item.heading)}${item.ref ? `  [${clean(item.ref)}]` : ''}`];
    for (const line of item.lines) lines.push(`   ${inline(line, style)}`);
    if (item.quote) lines.push(`   «${clean(item.quote.text)}» — ${clean(item.quote.speaker)}`);
    if (item.url) lines.push(`   ${clean(item.url)}`);
    parts.push(lines.join('\n'));
  });
  if (reply.footer) parts.push(clean(reply.footer));
  return parts.join('\n\n');
}
