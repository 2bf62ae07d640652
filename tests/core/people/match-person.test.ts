import { describe, expect, it } from 'vitest';
import { matchPerson } from '../../../src/core/people/match-person.js';
import { mergePeople } from '../../../src/core/people/merge-people.js';
import type { Person } from '../../../src/core/people/person.js';
import { personKeys } from '../../../src/core/people/person-keys.js';
import { personQueryKeys } from '../../../src/core/people/person-query-keys.js';
import { allSeedQuotes } from '../quotes/seed-quotes.js';

const { people, personOf } = mergePeople(allSeedQuotes().map((q) => q.quote.speaker));
const counts = people.map((_, i) => personOf.filter((p) => p === i).length);

describe('matchPerson over the seed directory', () => {
  it.each([
    ['last name', 'تسوكرمان', 'إيرينا تسوكرمان'],
    ['full name', 'كيم جونغ أون', 'كيم جونغ أون'],
    ['spelling variant of a full name', 'كيم جونج اون', 'كيم جونغ أون'],
    ['the other Kim', 'كيم يونغ هيون', 'كيم يونغ هيون'],
    ['variant spelling', 'بوتن', 'فلاديمير بوتين'],
    ['padded variant', '  زيلنسكي ', 'فولوديمير زيلينسكي'],
    ['with a title', 'الرئيس بوتين', 'فلاديمير بوتين'],
    ['Latin script', 'Putin', 'فلاديمير بوتين'],
    ['Latin full name', 'Kim Jong Un', 'كيم جونغ أون'],
    ['Latin, another spelling', 'Zelenskyy', 'فولوديمير زيلينسكي'],
    ['Latin last name', 'Peskov', 'ديمتري بيسكوف'],
    ['an organization', 'الكرملين', 'الكرملين'],
    ['an organization in Latin', 'Kremlin', 'الكرملين'],
    ['a shared first part goes to the more quoted', 'كيم', 'كيم جونغ أون'],
  ])('%s: «%s» → %s', (_case, query, expected) => {
    expect(matchPerson(query, people, counts)?.name).toBe(expected);
  });

  it.each([['xyz'], [''], ['   '], ['مسؤول']])('«%s» finds no one', (query) => {
    expect(matchPerson(query, people, counts)).toBeNull();
  });

  it('does not find Putin through a quote that only mentions him', () => {
    const putin = people.find((p) => p.name === 'فلاديمير بوتين')!;
    expect(counts[people.indexOf(putin)]).toBe(2);
  });
});

describe('person query weights', () => {
  const person = (name: string): Person => ({ name, aliases: [], kind: 'person', keys: personKeys([name], 'person') });
  const ahmad = person('أحمد سالم');
  const khalid = person('خالد سالم');

  it('ranks a full-name match above a last-name match of someone more quoted', () => {
    expect(matchPerson('أحمد سالم', [khalid, ahmad], [50, 1])).toBe(ahmad);
  });

  it('breaks a tie on a shared last name by the number of quotes', () => {
    expect(matchPerson('سالم', [ahmad, khalid], [1, 5])).toBe(khalid);
    expect(matchPerson('سالم', [ahmad, khalid], [5, 1])).toBe(ahmad);
  });

  it('finds a name written as one word or two', () => {
    expect(matchPerson('عبدالله', [person('عبد الله')])?.name).toBe('عبد الله');
  });

  it('gives plain-string keys that the person’s keys contain', () => {
    const keys = personQueryKeys('كيم جونغ أون');
    const kim = people.find((p) => p.name === 'كيم جونغ أون')!;
    expect(keys.every((k) => typeof k.key === 'string' && k.key.length > 0 && k.weight > 0)).toBe(true);
    expect(keys.filter((k) => kim.keys.includes(k.key)).length).toBe(keys.length);
  });
});
