import type { Inline, Reply } from '../core/commands/reply.js';

/** How emphasized text (search matches) is shown: bold on a terminal, asterisks in a pipe. */
export interface PlainStyle {
  readonly open: string;
  readonly close: string;
}

export const TERMINAL_STYLE = { open: '\u001b[1m', close: '\u001b[22m' } as const satisfies PlainStyle;
export const PIPE_STYLE = { open: '**', close: '**' } as const satisfies PlainStyle;

function inline(run: Inline, style: PlainStyle): string {
  let out = '';
  let at = 0;
  for (const [a, b] of run.marks ?? []) {
    out += run.text.slice(at, a) + style.open + run.text.slice(a, b) + style.close;
    at = b;
  }
  return out + run.text.slice(at);
}

/**
 * Renders a reply as plain text: the console's output and what the chat surfaces say,
 * minus platform markup. Control characters from the corpus are dropped so an article
 * cannot move the cursor or recolour the terminal.
 */
export function renderPlain(reply: Reply, style: PlainStyle = PIPE_STYLE): string {
  const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const parts: string[] = [];
  if (reply.title) parts.push(`${style.open}${clean(reply.title)}${style.close}`);
  for (const p of reply.text ?? []) parts.push(clean(p));
  (reply.items ?? []).forEach((item, i) => {
    const lines = [`${i + 1}. ${clean(item.heading)}${item.ref ? `  [${clean(item.ref)}]` : ''}`];
    for (const line of item.lines) lines.push(`   ${clean(inline(line, style))}`);
    if (item.quote) lines.push(`   «${clean(item.quote.text)}» — ${clean(item.quote.speaker)}`);
    if (item.url) lines.push(`   ${clean(item.url)}`);
    parts.push(lines.join('\n'));
  });
  if (reply.footer) parts.push(clean(reply.footer));
  return parts.join('\n\n');
}
