import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import { t } from '../core/commands/messages.js';
import type { Locale, Reply } from '../core/commands/reply.js';
import type { Logger } from '../logging/create-logger.js';
import { PIPE_STYLE, type PlainStyle, TERMINAL_STYLE, renderPlain } from './render-plain.js';

export interface ConsoleDeps {
  readonly handler: CommandHandler;
  readonly logger: Logger;
  readonly input?: Readable;
  readonly output?: Writable;
  readonly locale?: Locale;
}

/** The console user's id for pagers: there is only one person at the keyboard. */
const CONSOLE_USER = 'console';
/** The console is one private chat: its subscriptions print digests at the prompt. */
export const CONSOLE_CHAT_ID = 'console';
const CONSOLE_CHAT = {
  platform: 'console',
  chatId: CONSOLE_CHAT_ID,
  isGroup: false,
  canManage: async () => true,
} as const;

const CONSOLE_HELP = {
  ar: 'أوامر الطرفية: /next و /prev للتنقل بين الصفحات، /lang en للإنجليزية، /exit للخروج.',
  en: 'Console extras: /next and /prev to page, /lang ar for Arabic, /exit to quit.',
} as const satisfies Record<Locale, string>;

/** Language names a user may type after /lang, by what they select. */
const LANG_NAMES: Readonly<Record<string, Locale>> = {
  ar: 'ar',
  arabic: 'ar',
  عربي: 'ar',
  العربية: 'ar',
  عربية: 'ar',
  en: 'en',
  english: 'en',
  انجليزي: 'en',
  الإنجليزية: 'en',
  إنجليزي: 'en',
  الانجليزية: 'en',
};

/**
 * The console surface: the same commands and replies as a chat, typed at a prompt, so
 * nashra can be tried with no account anywhere. `/search x` and `search x` both work.
 */
export function createConsole(deps: ConsoleDeps) {
  const input = deps.input ?? process.stdin;
  const output = deps.output ?? process.stdout;
  const style: PlainStyle = (output as { isTTY?: boolean }).isTTY ? TERMINAL_STYLE : PIPE_STYLE;
  let locale: Locale = deps.locale ?? 'ar';
  let pager: Reply['pager'];

  function show(reply: Reply): void {
    if (reply.pager || !reply.notice) pager = reply.pager;
    output.write(`${renderPlain(reply, style)}\n${reply.pager ? `\n(/next, /prev)\n` : ''}\n`);
  }

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (text === '') return true;
    const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(text)!;
    const name = m[1]!.toLowerCase().replace(/@\S*$/, '');
    const arg = m[2]!;
    if (name === 'exit' || name === 'quit') return false;
    if (name === 'lang') {
      const asked = arg.trim().toLowerCase();
      if (asked === '') {
        output.write(`${t(locale, 'langCurrent')}\n\n`);
        return true;
      }
      const chosen = LANG_NAMES[asked] ?? LANG_NAMES[asked.split(/[-_]/)[0]!];
      if (!chosen) {
        output.write(`${t(locale, 'langUnknown')(asked.slice(0, 40).replace(/\p{Cc}/gu, ''))}\n\n`);
        return true;
      }
      locale = chosen;
      output.write(`${t(locale, 'langSwitched')}\n${CONSOLE_HELP[locale]}\n\n`);
      return true;
    }
    const ctx = { locale, userId: CONSOLE_USER, chat: CONSOLE_CHAT };
    try {
      if (name === 'next' || name === 'prev') {
        const target = pager ? pager.page + (name === 'next' ? 1 : -1) : 0;
        if (!pager) output.write(`${t(locale, 'noOpenList')}\n\n`);
        else if (target >= pager.pages) output.write(`${t(locale, 'lastPage')} (/prev)\n\n`);
        else if (target < 0) output.write(`${t(locale, 'firstPage')} (/next)\n\n`);
        else show(await deps.handler.page(ctx, pager.token, target));
        return true;
      }
      show(await deps.handler.run(ctx, name, arg));
      if (name === 'help' || name === 'start') output.write(`${CONSOLE_HELP[locale]}\n\n`);
    } catch (err) {
      deps.logger.error({ err, line: text.slice(0, 200) }, 'console command failed');
      output.write(
        `${locale === 'ar' ? 'عذرا، حدث خطأ. حاول مرة أخرى.' : 'Sorry, something went wrong. Please try again.'}\n\n`,
      );
    }
    return true;
  }

  return {
    /** Runs the prompt until /exit or end of input. */
    run(): Promise<void> {
      const rl = createInterface({
        input,
        output,
        prompt: 'nashra> ',
        terminal: (output as { isTTY?: boolean }).isTTY ?? false,
      });
      output.write(
        `${locale === 'ar' ? 'نشرة جاهزة. اكتب /help للأوامر، مثل: /search كوريا الشمالية' : 'nashra is ready. Type /help, e.g. /search كوريا الشمالية'}\n`,
      );
      rl.prompt();
      let closed = false;
      // Lines are handled one at a time, in order, even though a command may await.
      let queue = Promise.resolve();
      return new Promise((resolve) => {
        rl.on('line', (line) => {
          queue = queue.then(async () => {
            if (closed) return; // lines already buffered after /exit
            if (!(await handle(line))) {
              closed = true;
              rl.close();
            } else rl.prompt();
          });
        });
        rl.on('close', () => void queue.then(() => resolve()));
      });
    },
    handle,
  };
}
