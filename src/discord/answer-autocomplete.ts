import type { AutocompleteInteraction } from 'discord.js';
import { COMMAND_SPECS } from '../core/commands/command-specs.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import { suggestPeople } from './suggest-people.js';

/** Autocomplete reads the person directory straight from the index: no handler round trip. */
export interface AnswerAutocompleteDeps {
  readonly index: ArticleIndex;
}

/** Option names (per command) whose completions are person names. */
const PERSON_OPTIONS: ReadonlySet<string> = new Set(
  COMMAND_SPECS.filter((s) => s.name === 'quotes' && s.argument?.autocomplete).map(
    (s) => `${s.name}:${s.argument!.name}`,
  ),
);

/**
 * Answers autocomplete while the user types. It cannot be deferred, so it is a plain
 * lookup; an option without completions gets an empty list rather than no answer.
 */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  deps: AnswerAutocompleteDeps,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (!PERSON_OPTIONS.has(`${interaction.commandName}:${focused.name}`)) {
    await interaction.respond([]);
    return;
  }
  await interaction.respond(await suggestPeople(deps.index, String(focused.value)));
}
