import { describe, expect, it } from 'vitest';
import { parseSubscribeArgs } from '../../../src/core/subscriptions/parse-subscribe-args.js';
import { TOPIC_LIMITS, parseTopics } from '../../../src/core/subscriptions/parse-topics.js';

describe('subscribe with topics', () => {
  it.each([
    ['daily 08:00 Asia/Riyadh كوريا الشمالية، روسيا', 'Asia/Riyadh', ['كوريا الشمالية', 'روسيا']],
    ['daily 08:00 كوريا الشمالية', 'UTC', ['كوريا الشمالية']],
    ['يوميا 08:00 الرياض الطاقة, النفط; الذهب', 'Asia/Riyadh', ['الطاقة', 'النفط', 'الذهب']],
    ['daily 08:00 Asia/Riyadh quiet روسيا', 'Asia/Riyadh', ['روسيا']],
    ['daily 08:00 Asia/Riyadh', 'Asia/Riyadh', []],
  ])('%s', (arg, zone, topics) => {
    const parsed = parseSubscribeArgs(arg, 'UTC');
    expect(parsed.ok && { zone: parsed.zone, topics: parsed.topics, expression: parsed.spec.expression }).toEqual({
      zone,
      topics,
      expression: '0 8 * * *',
    });
  });

  it('still names a misspelt zone instead of taking it for a topic', () => {
    expect(parseSubscribeArgs('daily 08:00 Riyadh', 'UTC')).toMatchObject({ ok: false, problem: { kind: 'zone' } });
  });

  it('still explains a schedule it cannot read', () => {
    expect(parseSubscribeArgs('sometimes', 'UTC')).toMatchObject({ ok: false, problem: { kind: 'schedule' } });
  });

  it.each([
    ['روسيا، روسيا ، رُوسيا', ['روسيا']],
    ['، ,  ;', []],
    [`${'ا'.repeat(100)}`, ['ا'.repeat(TOPIC_LIMITS.maxChars)]],
  ])('parseTopics(%s)', (text, topics) => {
    expect(parseTopics(text)).toEqual(topics);
  });

  it('keeps at most maxTopics', () => {
    expect(parseTopics(Array.from({ length: 20 }, (_, i) => `موضوع${i}`).join('، '))).toHaveLength(
      TOPIC_LIMITS.maxTopics,
    );
  });
});
