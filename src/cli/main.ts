#!/usr/bin/env node
/**
 * jixiao command line: `jixiao <command> …` (or `npm run cli -- <command> …` in a clone).
 * Exit codes: 0 clean, 1 errors found, 2 unreadable input or bad usage.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { cmdAnnotate, cmdCheck, cmdFill, cmdReview, cmdRoll, cmdTemplate, type Io } from './commands';
import { fileFailureText } from '../i18n/file-errors';
import { UsageError } from './args';
import { commandHelp, commandHelpText, generalHelp, helpPointer } from './help';
import { cliLocale } from './locale';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  check: cmdCheck,
  fill: cmdFill,
  annotate: cmdAnnotate,
  template: cmdTemplate,
  roll: cmdRoll,
  review: cmdReview,
};

/** The version in package.json, two folders up both from src/cli (tsx) and from dist-cli/cli (the built bin). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const wantsHelp = (a: string) => a === '--help' || a === '-h';

export async function main(argv: string[], io: Io): Promise<number> {
  const locale = cliLocale(argv, io.env);
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    io.out(`jixiao ${version()}`);
    return 0;
  }
  if (command === undefined) {
    io.err(generalHelp(locale));
    return 2;
  }
  if (command === 'help' || wantsHelp(command)) {
    const about = rest[0] && commandHelp(rest[0]);
    io.out(about ? commandHelpText(about, locale) : generalHelp(locale));
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    const e = new UsageError('unknownCommand', { command }, { word: command, candidates: Object.keys(COMMANDS), prefix: '' });
    io.err(`jixiao: ${e.text(locale)}\n${helpPointer(undefined, locale)}`);
    return 2;
  }
  const beforeDashes = rest.indexOf('--') >= 0 ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeDashes.some(wantsHelp)) {
    io.out(commandHelpText(commandHelp(command)!, locale));
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`jixiao ${command}: ${e.text(locale)}\n${helpPointer(command, locale)}`);
      return 2;
    }
    io.err(`jixiao ${command}: ${fileFailureText(e, locale)}`);
    return 2;
  }
}

if (require.main === module) {
  const io: Io = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
