/**
 * Tabs over the files a learner may edit (the handler, and `migration.sql` where the lesson has
 * one). Hidden editors stay mounted, so each keeps its cursor and undo history. Keyboard: the
 * arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern).
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One file's tab. */
export interface EditorTab {
  file: string;
  /** The editor for the file. */
  content: ReactNode;
}

interface Props {
  tabs: EditorTab[];
  selected: string;
  onSelect: (file: string) => void;
}

export function EditorTabs({ tabs, selected, onSelect }: Props) {
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return; // Alt+Left is the browser's Back
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(tabs[target].file);
    buttons.current[target]?.focus();
  };
  return (
    <div className="editor-tabs">
      <div role="tablist" aria-label="Files you can edit">
        {tabs.map((tab, index) => (
          <button
            key={tab.file}
            ref={(button) => void (buttons.current[index] = button)}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-controls={`${id}-panel-${index}`}
            aria-selected={tab.file === selected}
            tabIndex={tab.file === selected ? 0 : -1}
            onClick={() => onSelect(tab.file)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.file}
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div key={tab.file} role="tabpanel" id={`${id}-panel-${index}`} aria-labelledby={`${id}-tab-${index}`} hidden={tab.file !== selected}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
