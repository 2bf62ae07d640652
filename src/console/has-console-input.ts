import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Whether standard input can feed the console: a terminal (`docker run -it`, a shell), a
 * pipe or a file (`nashra < commands.txt`, tests). Not when it is /dev/null or closed, as
 * under `docker run -d`, systemd or CI: there the console would read end of input at once
 * and exit 0, and a restart policy would loop without a word.
 */
export function hasConsoleInput(fd = 0): boolean {
  if (isatty(fd)) return true;
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}
