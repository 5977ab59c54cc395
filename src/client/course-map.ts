/**
 * The course map's script: each lesson card says "solved" or "attempted" from this browser's
 * storage, "Continue" points at the first lesson in course order not solved yet, and the progress
 * section exports and imports progress files (progress-file.ts).
 */
import { isSolved } from './progress.ts';
import { fileKey, readStored } from './storage-keys.ts';
import { browserStorage, exportProgress, importProgress } from './progress-file.ts';

/** Fills in the cards and "Continue" under `root`, in the cards' (course) order. */
export function showProgress(root: ParentNode): void {
  const cards = [...root.querySelectorAll<HTMLElement>('[data-slug]')];
  let next: HTMLElement | undefined;
  for (const card of cards) {
    const slug = card.dataset.slug!;
    const solved = isSolved(slug);
    const attempted = !solved && (readStored(fileKey(slug, 'handler.ts')) !== null || readStored(fileKey(slug, 'migration.sql')) !== null);
    const mark = card.querySelector<HTMLElement>('.progress-mark');
    if (mark) {
      mark.textContent = solved ? '· solved' : attempted ? '· attempted' : '';
      mark.dataset.state = solved ? 'solved' : attempted ? 'attempted' : '';
      mark.hidden = !solved && !attempted;
    }
    if (!solved) next ??= card;
  }
  const continueLink = root.querySelector<HTMLAnchorElement>('[data-continue]');
  const target = next?.querySelector<HTMLAnchorElement>('a');
  if (continueLink && target) {
    continueLink.href = target.href;
    continueLink.textContent = `${cards.some((card) => isSolved(card.dataset.slug!)) ? 'Next lesson' : 'Start'}: ${target.textContent}`;
    continueLink.hidden = false;
  } else if (continueLink) continueLink.hidden = true;
}

/** Wires the export button, the import file field and the report list of the progress section. */
export function attachProgressFiles(section: HTMLElement, knownSlugs: string[], onImported: () => void): void {
  const report = section.querySelector<HTMLElement>('[data-progress-report]')!;
  const say = (lines: string[]) => report.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  section.querySelector('[data-export]')!.addEventListener('click', () => {
    try {
      const file = exportProgress(browserStorage);
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `fastpath-progress-${file.exportedAt.slice(0, 10)}.json` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const count = Object.keys(file.lessons).length;
      say([`Saved a progress file with ${count} ${count === 1 ? 'lesson' : 'lessons'}.`]);
    } catch (error) {
      say([`Could not export: this browser's storage is not available (${String(error)}).`]);
    }
  });
  const input = section.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again imports it again
    if (!file) return;
    try {
      say(importProgress(await file.text(), browserStorage, knownSlugs).lines);
    } catch (error) {
      say([`Could not import ${file.name}: ${String(error)}`]);
    }
    onImported();
  });
}
