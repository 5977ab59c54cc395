/**
 * Changes top-level fields of a lesson.md's frontmatter in place, line by line, so the author's
 * comments, key order and formatting survive (a YAML round trip would drop the comments).
 */
import yaml from 'js-yaml';

/**
 * `markdown` with each of `fields` set: a field's line and its continuation lines (a folded string,
 * a nested block) are replaced by `key: value`; a field not there yet is added at the end of the
 * frontmatter. The text must start with a frontmatter (`---` lines).
 * @throws Error when it does not
 */
export function setFrontmatterFields(markdown: string, fields: Record<string, string | number>): string {
  const lines = markdown.split('\n');
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---' || close === -1) throw new Error('lesson.md has no frontmatter between two "---" lines');
  const frontmatter = lines.slice(1, close);
  for (const [key, value] of Object.entries(fields)) {
    // js-yaml quotes what needs quoting (a title with ": ", say) and leaves the rest plain.
    const line = yaml.dump({ [key]: value }, { lineWidth: -1 }).trimEnd();
    const start = frontmatter.findIndex((text) => text.startsWith(`${key}:`) || text.startsWith(`${key} :`));
    if (start === -1) {
      frontmatter.push(line);
      continue;
    }
    let end = start + 1;
    // Continuation lines are indented (or blank inside the block); the next field starts at column 0.
    while (end < frontmatter.length && (frontmatter[end] === '' || /^\s/.test(frontmatter[end]!))) end++;
    frontmatter.splice(start, end - start, line);
  }
  return [lines[0], ...frontmatter, ...lines.slice(close)].join('\n');
}
