import { mergePeople } from '../people/merge-people.js';
import type { IndexWriter } from '../ports/index-writer.js';

/**
 * Rebuilds the people directory from every stored quote's speaker. Merging is global
 * (a short form in one article may resolve against a full name in another), so it is
 * redone as a whole, once per index run that changed anything; it reads only the quote
 * speakers, never article text.
 */
export async function rebuildPeople(writer: IndexWriter): Promise<void> {
  const rows = await writer.allSpeakers();
  const { people, personOf } = mergePeople(rows.map((r) => r.speaker));
  const personOfQuote = new Map<number, number>();
  rows.forEach((row, i) => personOfQuote.set(row.quoteNum, personOf[i]!));
  await writer.replacePeople(people, personOfQuote);
}
