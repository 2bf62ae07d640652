import { tokenize } from '../text/tokenize.js';

/** The words of a name as the index compares them (normalized, no punctuation), space-joined. */
function words(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

/**
 * The aliases worth showing beside a person's name: not the name the user just typed
 * («/quotes تسوكرمان» is not answered with «ويُكتب أيضا: تسوكرمان»), and not a plain part
 * of the full name (the surname of «إيرينا تسوكرمان» tells nobody anything). Other
 * spellings (بوتن for بوتين) and other names stay. The CLI's JSON keeps every alias.
 */
export function informativeAliases(name: string, aliases: readonly string[], typed?: string): string[] {
  const full = ` ${words(name)} `;
  const asked = typed === undefined ? '' : words(typed);
  return aliases.filter((alias) => {
    const a = words(alias);
    return a !== '' && a !== asked && !full.includes(` ${a} `);
  });
}
