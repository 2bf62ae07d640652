import { normalizeArabic } from '../text/normalize-arabic.js';

/** Topics one subscription keeps, and the longest topic: a digest filter, not a query language. */
export const TOPIC_LIMITS = { maxTopics: 10, maxChars: 60 } as const satisfies Record<string, number>;

/**
 * Topics from the words after a schedule: separated by commas (Arabic «،» or Latin) or
 * semicolons, each kept as typed (trimmed, capped), duplicates (after normalizing) dropped.
 * «كوريا الشمالية، روسيا» is two topics; «كوريا الشمالية» one topic of two words.
 */
export function parseTopics(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const part of text.split(/[،,؛;]+/)) {
    const topic = part.trim().replace(/\s+/g, ' ').slice(0, TOPIC_LIMITS.maxChars).trim();
    const key = normalizeArabic(topic);
    if (topic === '' || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
    if (topics.length === TOPIC_LIMITS.maxTopics) break;
  }
  return topics;
}
