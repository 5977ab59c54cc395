/**
 * Share links: a learner's files in the URL fragment, compressed (deflate-raw, then base64url).
 * The fragment never reaches a server, so a link works on any static host and shares nothing with
 * it. Reading a link checks everything (encoding, size, shape, lesson) and answers with a message
 * instead of throwing: a link is text from anyone, and is only ever shown as text.
 */
import type { Documents } from './saved-documents.ts';
import type { LessonFile } from './storage-keys.ts';

/** The fragment's key: `#share=<payload>`. */
export const SHARE_PARAM = 'share';
/** Longest payload a link may carry, in characters: longer URLs get cut by chat apps and mail. */
export const MAX_SHARE_CHARS = 8000;
/** Largest decompressed text accepted, so a crafted link cannot make the page inflate gigabytes. */
const MAX_SHARED_BYTES = 256 * 1024;
/** Version of the format; a later format gets a new number and this reader refuses it clearly. */
const FORMAT = 1;

/** What a link carries. */
interface SharedPayload {
  /** Format version. */
  v: number;
  /** The lesson's slug: a link for another lesson is refused by name. */
  lesson: string;
  /** The learner's files; migration.sql only in lessons that have one. */
  files: Partial<Documents>;
}

/** The result of reading or writing a link. */
export type ShareResult<T> = { ok: true; value: T } | { ok: false; message: string };

const FILES: LessonFile[] = ['handler.ts', 'migration.sql'];

/** The fragment (`share=...`, without `#`) holding `files` of `lesson`, or why it cannot be made. */
export async function encodeShareLink(lesson: string, files: Partial<Documents>): Promise<ShareResult<string>> {
  const payload: SharedPayload = { v: FORMAT, lesson, files };
  const packed = await transform(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  const text = toBase64Url(packed);
  if (text.length > MAX_SHARE_CHARS) {
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    return {
      ok: false,
      message: `Your code is too long for a link (${kb(text.length)} once compressed, the limit is ${kb(MAX_SHARE_CHARS)}). Export your progress as a file and share that instead.`,
    };
  }
  return { ok: true, value: `${SHARE_PARAM}=${text}` };
}

/**
 * The files in a page's `hash` (`#share=...`), for `lesson`. Undefined when the hash holds no share
 * link; a message when it holds one that cannot be used.
 */
export async function decodeShareLink(hash: string, lesson: string): Promise<ShareResult<Partial<Documents>> | undefined> {
  const text = new URLSearchParams(hash.replace(/^#/, '')).get(SHARE_PARAM);
  if (text === null) return undefined;
  const broken = (why: string) => ({ ok: false as const, message: `This share link could not be read: ${why} Your own code is unchanged.` });
  if (text.length > MAX_SHARE_CHARS) return broken('it is longer than any link Fastpath makes.');
  const packed = fromBase64Url(text);
  if (!packed) return broken('it holds characters a share link never has (was it cut short or changed?).');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await transform(packed, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES));
  } catch (error) {
    return broken(error instanceof TooLarge ? 'its code is larger than any link Fastpath makes.' : 'its data is damaged (was it cut short or changed?).');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return broken('its data is damaged (was it cut short or changed?).');
  }
  if (!isRecord(payload) || typeof payload.v !== 'number' || typeof payload.lesson !== 'string' || !isRecord(payload.files)) {
    return broken('it is not a Fastpath share link.');
  }
  if (payload.v !== FORMAT) return broken(`it was made by a newer version of Fastpath (format ${payload.v}).`);
  if (payload.lesson !== lesson) return broken(`it is for another lesson, "${payload.lesson}".`);
  const files: Partial<Documents> = {};
  for (const [name, value] of Object.entries(payload.files)) {
    if (!FILES.includes(name as LessonFile) || typeof value !== 'string') return broken(`it holds a file Fastpath does not know, "${name}".`);
    files[name as LessonFile] = value;
  }
  return { ok: true, value: files };
}

/** A page's hash without the share link (other parameters kept), for `history.replaceState`. */
export function withoutShareLink(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(SHARE_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, stopping past `limit` output bytes. */
async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
