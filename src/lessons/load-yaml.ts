/** YAML parsing for lesson files, with the error a lesson author can act on. */
import yaml from 'js-yaml';
import { LessonError } from './lesson.ts';

/**
 * Parses `text`, the YAML part of `file`.
 * @param where `subject` names what is parsed in the message ("frontmatter is not valid YAML");
 *   `firstLine` is the file's line the text starts on; `hint` says what to check
 * @throws LessonError at the line YAML stopped at
 */
export function loadYaml(text: string, file: string, where: { subject?: string; firstLine: number; hint: string }): unknown {
  try {
    return yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const subject = where.subject ? `${where.subject} is not` : 'not';
    throw new LessonError(`${subject} valid YAML: ${reason}; ${where.hint}`, file, mark ? mark.line + where.firstLine : undefined);
  }
}
