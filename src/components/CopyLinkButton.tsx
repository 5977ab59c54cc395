/**
 * "Copy link": the learner's files in a link (src/client/share-link.ts), put on the clipboard, or
 * shown to copy by hand where the clipboard is refused. Past the size limit it says so and why.
 */
import { useState } from 'react';
import { encodeShareLink } from '../client/share-link.ts';
import type { Documents } from '../client/saved-documents.ts';

interface Props {
  slug: string;
  /** The files to share: those the lesson has. */
  files: Partial<Documents>;
}

export function CopyLinkButton({ slug, files }: Props) {
  const [said, setSaid] = useState<{ text: string; link?: string }>();
  const copy = async () => {
    const made = await encodeShareLink(slug, files);
    if (!made.ok) return setSaid({ text: made.message });
    const link = `${location.origin}${location.pathname}#${made.value}`;
    const names = Object.keys(files).join(' and ');
    try {
      await navigator.clipboard.writeText(link);
      setSaid({ text: `Link copied: it holds your ${names}. Opening it shows the code and runs nothing.` });
    } catch {
      setSaid({ text: `Copy this link (it holds your ${names}):`, link });
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="muted">
        {said?.text}
        {said?.link && <input readOnly value={said.link} aria-label="Share link" onFocus={(event) => event.target.select()} />}
      </span>
    </span>
  );
}
