/**
 * `npm run lesson -- <command> ...`: the lesson author's and learner's tools.
 *   run <slug> --code <file.ts> ...   grade any code against a lesson (lesson-run.ts)
 *   new <NN-slug> [--from <slug>]     scaffold a lesson folder (lesson-new.ts)
 *   preview <slug> [--open]           start the dev server on a lesson's page (lesson-preview.ts)
 *   help, --help, -h                  print the usage
 * Exit 2 on invalid input, with a one-line reason.
 */
import { refuse } from './refuse.ts';
import { runCommand, RUN_USAGE } from './lesson-run.ts';
import { newCommand, NEW_USAGE } from './lesson-new.ts';
import { previewCommand, PREVIEW_USAGE } from './lesson-preview.ts';

const USAGE = `usage: ${RUN_USAGE}\n       ${NEW_USAGE}\n       ${PREVIEW_USAGE}`;

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'run':
    await runCommand(args);
    break;
  case 'new':
    newCommand(args);
    break;
  case 'preview':
    await previewCommand(args);
    break;
  case 'help':
  case '--help':
  case '-h':
    // Asked for: the usage on stdout, and success.
    console.log(USAGE);
    break;
  default:
    refuse('lesson', command ? `unknown command "${command}"\n${USAGE}` : USAGE);
}
