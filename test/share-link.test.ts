import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, MAX_SHARE_CHARS, withoutShareLink } from '../src/client/share-link.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';

const lesson = readLesson(COURSE_LESSONS_DIR, '02-missing-index');
const files = { 'handler.ts': lesson.files.solution, 'migration.sql': 'CREATE INDEX ON orders (customer_id);\n' };

/** A link's fragment made the way the page makes it. */
async function linkFor(slug: string, shared: Partial<typeof files>): Promise<string> {
  const made = await encodeShareLink(slug, shared);
  if (!made.ok) throw new Error(made.message);
  return `#${made.value}`;
}
/** Base64url of raw deflate of `text`, as a crafted link would carry. */
async function craft(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `#share=${Buffer.from(bytes).toString('base64url')}`;
}

describe('share links', () => {
  it("carry a lesson's files in the fragment and give them back unchanged", async () => {
    const hash = await linkFor(lesson.slug, files);
    expect(hash.length).toBeLessThan(2000); // a real solution and migration fit a short link
    expect(await decodeShareLink(hash, lesson.slug)).toEqual({ ok: true, value: files });
  });

  it('refuse code too long for a link, saying how long it is and what to do instead', async () => {
    // Text that does not compress: pseudo-random words.
    let seed = 7;
    const noise = Array.from({ length: 4000 }, () => ((seed = (seed * 48271) % 2147483647) % 1e6).toString(36)).join(' ');
    const made = await encodeShareLink(lesson.slug, { 'handler.ts': noise });
    expect(made.ok).toBe(false);
    expect(!made.ok && made.message).toMatch(/^Your code is too long for a link \(\d+\.\d KB once compressed, the limit is 8\.0 KB\)\. Export your progress/);
  });

  it('read nothing from a page without one', async () => {
    expect(await decodeShareLink('', lesson.slug)).toBeUndefined();
    expect(await decodeShareLink('#goals', lesson.slug)).toBeUndefined();
  });

  it('answer a damaged, altered or foreign link with a message, never by throwing', async () => {
    const hash = await linkFor(lesson.slug, files);
    const cases: [string, RegExp][] = [
      [hash.slice(0, hash.length / 2), /damaged \(was it cut short or changed\?\)/],
      [`${hash.slice(0, 20)}<script>${hash.slice(28)}`, /characters a share link never has/],
      [`${hash.slice(0, 30)}${hash[30] === 'A' ? 'B' : 'A'}${hash.slice(31)}`, /damaged|not a Fastpath share link/],
      [`#share=${'A'.repeat(MAX_SHARE_CHARS + 1)}`, /longer than any link Fastpath makes/],
      [await linkFor('01-n-plus-one', files), /for another lesson, "01-n-plus-one"/],
      [await craft(JSON.stringify({ v: 1, lesson: lesson.slug, files: { 'evil.html': '<img onerror=alert(1)>' } })), /a file Fastpath does not know, "evil.html"/],
      [await craft(JSON.stringify({ v: 2, lesson: lesson.slug, files: {} })), /newer version of Fastpath \(format 2\)/],
      [await craft('["not", "an", "object"]'), /not a Fastpath share link/],
      [await craft(JSON.stringify({ v: 1, lesson: lesson.slug, files: { 'handler.ts': 'x'.repeat(2_000_000) } })), /larger than any link Fastpath makes/],
    ];
    for (const [broken, reason] of cases) {
      const read = await decodeShareLink(broken, lesson.slug);
      expect(read?.ok, broken.slice(0, 60)).toBe(false);
      expect(read && !read.ok && read.message).toMatch(reason);
      expect(read && !read.ok && read.message).toMatch(/Your own code is unchanged\.$/);
    }
  });

  it('are taken out of the address once read, leaving anything else there', () => {
    expect(withoutShareLink('#share=abc')).toBe('');
    expect(withoutShareLink('#theme=dark&share=abc')).toBe('#theme=dark');
  });
});
