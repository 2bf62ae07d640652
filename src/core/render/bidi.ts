/**
 * Bidi isolation. An Arabic title inside an English sentence (or a Latin name inside
 * Arabic) reorders its neighbours' punctuation unless it is isolated; FSI…PDI lets each
 * run take its own direction without disturbing the line around it.
 */
export const FSI = '\u2068';
export const PDI = '\u2069';
export const RLI = '\u2067';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F]/;

/** True when the text holds both right-to-left and left-to-right letters. */
export function isMixedDirection(text: string): boolean {
  return RTL.test(text) && LTR.test(text);
}

/** Wraps a dynamic value in FSI…PDI when it could disturb the text around it. */
export function isolate(value: string): string {
  if (value === '' || value.startsWith(FSI)) return value;
  return RTL.test(value) || LTR.test(value) ? FSI + value + PDI : value;
}

/** Isolates each run of Latin text inside an Arabic line (names, T-54, BRICS). */
export function isolateLatinRuns(text: string): string {
  if (!isMixedDirection(text)) return text;
  return text.replace(/[A-Za-z][A-Za-z0-9 .\-_'’/&]*[A-Za-z0-9]|[A-Za-z]/g, (run) => FSI + run + PDI);
}
