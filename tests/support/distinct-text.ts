/** Content words for filler text: common news words, none a stopword. */
const POOL = (
  'مشروع مدينة ميناء مطار طريق جسر مستشفى مدرسة جامعة مصنع سوق شركة مصرف ملعب حديقة متحف مكتبة محطة ' +
  'سد نفق قطار حافلة مركز معرض مؤتمر اتفاق برنامج خطة ميزانية تقرير دراسة مسابقة مهرجان بطولة قافلة منحة جائزة'
).split(' ');

/**
 * A sentence of 30 content words that no other seed produces, so test articles that share
 * the rest of their text stay different stories (copies of one text are one story).
 */
export function distinctSentence(seed: string): string {
  let x = 2166136261;
  for (let i = 0; i < seed.length; i++) x = Math.imul(x ^ seed.charCodeAt(i), 16777619);
  const words: string[] = [];
  for (let i = 0; i < 30; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words.push(POOL[(x >>> 0) % POOL.length]!);
  }
  return `وشملت الخطة ${words.join(' ')}.`;
}
