import { describe, expect, it } from 'vitest';
import { mergePeople } from '../../../src/core/people/merge-people.js';
import type { Speaker, SpeakerKind } from '../../../src/core/quotes/quote.js';
import { allSeedQuotes } from '../quotes/seed-quotes.js';

const speaker = (name: string, aliases: string[] = [], kind: SpeakerKind = 'person'): Speaker => ({
  name,
  aliases,
  kind,
  description: null,
});

describe('mergePeople over the seed corpus', () => {
  const quotes = allSeedQuotes();
  const { people, personOf } = mergePeople(quotes.map((q) => q.quote.speaker));
  const personNamed = (name: string) => people.find((p) => p.name === name);
  const quotesOf = (name: string) => quotes.filter((_, i) => people[personOf[i]!]!.name === name);

  it('maps every quote to a person', () => {
    expect(personOf).toHaveLength(quotes.length);
    for (const p of personOf) expect(people[p]).toBeDefined();
  });

  it('has one entry per person, with the short forms as aliases', () => {
    expect(personNamed('إيرينا تسوكرمان')).toMatchObject({ kind: 'person', aliases: ['تسوكرمان'] });
    expect(quotesOf('إيرينا تسوكرمان')).toHaveLength(7);
    expect(personNamed('فلاديمير بوتين')).toMatchObject({ aliases: ['بوتين'] });
    expect(people.filter((p) => p.name.includes('زيلينسكي'))).toHaveLength(1);
  });

  it('keeps the two Kims apart and merges Kim Jong Un across articles', () => {
    const kims = people.filter((p) => p.name.startsWith('كيم'));
    expect(kims.map((p) => p.name).sort()).toEqual(['كيم جونغ أون', 'كيم يونغ هيون']);
    expect(new Set(quotesOf('كيم جونغ أون').map((q) => q.key))).toEqual(new Set(['002', '003']));
  });

  it('merges an organization quoted in two articles', () => {
    expect(new Set(quotesOf('الكرملين').map((q) => q.key))).toEqual(new Set(['001', '003']));
    expect(personNamed('الكرملين')?.kind).toBe('organization');
  });
});

describe('mergePeople rules', () => {
  it.each([
    [
      'a foreign name and an Arab family name with the same letters',
      ['عبدالعزيز سعود البابطين', 'بوتين'],
      ['عبدالعزيز سعود البابطين', 'بوتين'],
    ],
    [
      'the same, with the full foreign name present',
      ['عبدالعزيز سعود البابطين', 'فلاديمير بوتين', 'بوتين'],
      ['عبدالعزيز سعود البابطين', 'فلاديمير بوتين', 'فلاديمير بوتين'],
    ],
    ["a father's name after «بن» is not the person", ['محمد بن سلمان', 'سلمان'], ['محمد بن سلمان', 'سلمان']],
    [
      'a family name with the article joins its full name',
      ['عبد الفتاح السيسي', 'السيسي'],
      ['عبد الفتاح السيسي', 'عبد الفتاح السيسي'],
    ],
  ])('%s', (_case, names, expected) => {
    const { people, personOf } = mergePeople(names.map((n) => speaker(n)));
    expect(personOf.map((i) => people[i]!.name)).toEqual(expected);
  });

  it('merges spelling variants and short forms into the fullest name', () => {
    const { people, personOf } = mergePeople([
      speaker('بوتن'),
      speaker('فلاديمير بوتين', ['بوتين']),
      speaker('فلاديمير بوتن'),
    ]);
    expect(people).toHaveLength(1);
    expect(personOf).toEqual([0, 0, 0]);
    expect(people[0]!.name).toMatch(/^فلاديمير بوت/);
    expect(people[0]!.aliases).toEqual(expect.arrayContaining(['بوتن', 'بوتين']));
  });

  it('leaves a short name apart when it could be two people', () => {
    const { people, personOf } = mergePeople([speaker('كيم جونغ أون'), speaker('كيم يونغ هيون'), speaker('كيم')]);
    expect(people).toHaveLength(3);
    expect(new Set(personOf).size).toBe(3);
  });

  it('keeps people who share a last name apart', () => {
    const { people } = mergePeople([speaker('أحمد سالم'), speaker('خالد سالم')]);
    expect(people.map((p) => p.name)).toEqual(['أحمد سالم', 'خالد سالم']);
  });

  it('merges an organization with and without its generic head', () => {
    const { people } = mergePeople([
      speaker('وكالة رويترز', [], 'organization'),
      speaker('رويترز', [], 'organization'),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('وكالة رويترز');
  });

  it('merges anonymous speakers only on the same description', () => {
    const { people } = mergePeople([
      speaker('مسؤول أميركي', [], 'anonymous'),
      speaker('مسؤول أميركي', [], 'anonymous'),
      speaker('مسؤول روسي', [], 'anonymous'),
    ]);
    expect(people.map((p) => p.name)).toEqual(['مسؤول أميركي', 'مسؤول روسي']);
  });

  it('is deterministic', () => {
    const input = allSeedQuotes().map((q) => q.quote.speaker);
    expect(mergePeople(input)).toEqual(mergePeople(input));
  });
});
