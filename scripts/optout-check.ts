/**
 * `npm run optout-check -- FILE`: reads one customer message per line and prints, for each,
 * OPTOUT or OK, a tab and the message, judged as the cloud judges an inbound text (carrier
 * keyword or free-text revocation), so a compliance officer can try their own wording.
 * Blank lines are skipped. Exit code 2 when the file is missing or unreadable.
 */
import { readFileSync } from 'node:fs';
import { findOptOut } from '../src-shared/consent';

const USAGE = 'Usage: npm run optout-check -- FILE   (one message per line)';

function readMessages(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

function main(argv: readonly string[]): number {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0 || file === '--help' || file === '-h') {
    console.error(USAGE);
    return 2;
  }
  let messages: string[];
  try {
    messages = readMessages(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    console.error(`optout-check: cannot read ${file}: ${why}`);
    return 2;
  }
  for (const message of messages) {
    console.log(`${findOptOut(message) === null ? 'OK' : 'OPTOUT'}\t${message}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
