/**
 * Made-up Arabic news for the feed tests (written for them, no real article): paragraphs
 * with a named speaker and quotes, so search, quotes and people have something to find.
 */
export const WHEAT = {
  title: 'وزير الزراعة يعلن خطة لمضاعفة إنتاج القمح',
  paragraphs: [
    'أعلنت وزارة الزراعة اليوم خطة وطنية جديدة لمضاعفة إنتاج القمح خلال خمس سنوات، في إطار سعيها إلى تعزيز الأمن الغذائي وتقليل الاعتماد على الاستيراد.',
    'وقال وزير الزراعة خالد المنصوري في مؤتمر صحفي: «سنضاعف إنتاج القمح قبل نهاية العقد، وسندعم المزارعين بالبذور والمياه».',
    'وأضاف المنصوري أن الخطة تشمل حفر آبار جديدة وتحديث شبكات الري في المناطق الزراعية الشمالية، إلى جانب برامج تدريب للمزارعين الشباب.',
    'ويرى خبراء الاقتصاد أن نجاح الخطة مرهون بتوفير التمويل اللازم واستقرار أسعار الأسمدة في الأسواق العالمية خلال الأعوام المقبلة.',
  ],
} as const;

export const PORT = {
  title: 'افتتاح ميناء جديد على البحر الأحمر',
  paragraphs: [
    'افتتحت الحكومة صباح اليوم ميناء تجاريا جديدا على ساحل البحر الأحمر بطاقة استيعابية تبلغ مليوني حاوية سنويا.',
    'وقالت وزيرة النقل سلمى الحارثي خلال حفل الافتتاح: «الميناء سيختصر زمن الشحن إلى أوروبا ويخلق آلاف الوظائف».',
    'وأوضحت الحارثي أن المرحلة الثانية من المشروع ستبدأ العام المقبل وتشمل ربط الميناء بشبكة السكك الحديدية الوطنية.',
  ],
} as const;

export const RAIN = {
  title: 'أمطار غزيرة تغلق الطرق في المرتفعات',
  paragraphs: [
    'أغلقت السلطات عددا من الطرق الجبلية في المرتفعات الجنوبية بعد هطول أمطار غزيرة استمرت طوال الليل وتسببت في سيول جارفة.',
    'وقال المتحدث باسم الدفاع المدني العقيد ماجد الزهراني: «فرقنا تعمل على مدار الساعة، وندعو السكان إلى الابتعاد عن مجاري الأودية».',
    'وتوقعت هيئة الأرصاد استمرار الحالة الجوية حتى نهاية الأسبوع مع انخفاض ملحوظ في درجات الحرارة.',
  ],
} as const;

/** Paragraphs as feed HTML. */
export const html = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');

/** Arabic letters encoded as windows-1256 (Node has no encoder for it: this covers the letters the tests use). */
export function toWindows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (!table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch} U+${ch.codePointAt(0)!.toString(16)}`);
    out.push(b);
  }
  return Buffer.from(out);
}
