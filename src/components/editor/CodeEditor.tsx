/**
 * A code editor: a plain labelled textarea at first (works at once, and without JavaScript
 * frameworks loaded), replaced by Monaco once it has loaded in the background. The text is owned
 * by the parent; markers show errors of the last run at their lines.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { pageIsDark } from '../../client/theme.ts';

/** An error to show in the editor at a line. */
export interface EditorMarker {
  line: number;
  column?: number;
  message: string;
}

interface Props {
  /** Visible label and model file name, e.g. `handler.ts`. */
  file: string;
  language: 'typescript' | 'pgsql';
  value: string;
  onChange: (text: string) => void;
  /** Called on Ctrl/Cmd+Enter. */
  onRun: () => void;
  markers: EditorMarker[];
  rows?: number;
  /** A line to scroll to, select and focus; a new object asks again for the same line. */
  reveal?: { line: number };
}

type Monaco = typeof import('./load-monaco.ts')['monaco'];
type Editor = ReturnType<Monaco['editor']['create']>;

/** Selects `line` (kept within the text, which may have shrunk since the run) and focuses it. */
function selectLine(editor: Editor, line: number): void {
  const model = editor.getModel();
  if (!model) return;
  const target = Math.min(Math.max(line, 1), model.getLineCount());
  editor.layout(); // its tab may have been hidden until now
  editor.revealLineInCenter(target);
  editor.setSelection({ startLineNumber: target, startColumn: 1, endLineNumber: target, endColumn: model.getLineMaxColumn(target) });
  editor.focus();
}

function selectTextareaLine(field: HTMLTextAreaElement, line: number): void {
  const lines = field.value.split('\n');
  const target = Math.min(Math.max(line, 1), lines.length);
  const start = lines.slice(0, target - 1).join('\n').length + (target > 1 ? 1 : 0);
  field.focus();
  field.setSelectionRange(start, start + lines[target - 1].length);
}

export function CodeEditor({ file, language, value, onChange, onRun, markers, rows = 20, reveal }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ monaco: Monaco; editor: Editor }>();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ onChange, onRun, value });
  latest.current = { onChange, onRun, value };
  /**
   * Texts the editor reported and no render has handed back yet. On a busy machine React can render
   * an older one after newer keystrokes reached Monaco: that echo must not be written back over them.
   */
  const unacknowledged = useRef<string[]>([]);

  useEffect(() => {
    performance.mark('fastpath:editor-shown'); // the textarea, usable before Monaco; for `npm run bench`
    let disposed = false;
    let editor: Editor | undefined;
    import('./load-monaco.ts').then(({ monaco, DARK_THEME }) => {
      if (disposed || !host.current) return;
      const uri = monaco.Uri.parse(`file:///${file}`);
      // The text as it is now: the learner may have typed in the textarea meanwhile.
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(latest.current.value, language, uri);
      editor = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        // Monaco's default dims the last line's number below AA contrast.
        renderFinalNewline: 'on',
        theme: pageIsDark() ? DARK_THEME : 'vs',
        ariaLabel: file,
      });
      editor.onDidChangeModelContent(() => {
        const text = editor!.getValue();
        unacknowledged.current.push(text);
        latest.current.onChange(text);
      });
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
      // The textarea goes away: if it had the keyboard, Monaco takes it, with the same selection.
      const field = textarea.current;
      if (field && document.activeElement === field) {
        const start = model.getPositionAt(field.selectionStart);
        const end = model.getPositionAt(field.selectionEnd);
        editor.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
        editor.focus();
      }
      setLoaded({ monaco, editor });
      performance.mark('fastpath:editor-ready'); // for `npm run bench`
    });
    return () => {
      disposed = true;
      editor?.getModel()?.dispose();
      editor?.dispose();
    };
    // The editor is created once per file; later values flow in through the effect below.
  }, [file, language]);

  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (!loaded || !model) return;
    // The editor's own text coming back (perhaps behind newer keystrokes): nothing to put in.
    const echo = unacknowledged.current.lastIndexOf(value);
    if (echo !== -1) {
      unacknowledged.current.splice(0, echo + 1);
      return;
    }
    unacknowledged.current = [];
    if (model.getValue() === value) return;
    // An edit rather than setValue(), which would wipe the undo history: a reset or the solution
    // put in from outside can then be undone with Ctrl/Cmd+Z as well as with the Undo button.
    loaded.editor.pushUndoStop();
    loaded.editor.executeEdits('fastpath', [{ range: model.getFullModelRange(), text: value }]);
    loaded.editor.pushUndoStop();
  }, [loaded, value]);

  useEffect(() => {
    if (!loaded) return;
    const model = loaded.editor.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    loaded.monaco.editor.setModelMarkers(
      model,
      'fastpath-run',
      // The text may have shrunk since the run: a marker past the end would throw.
      markers.filter((marker) => marker.line >= 1 && marker.line <= lines).map((marker) => ({
        severity: loaded.monaco.MarkerSeverity.Error,
        message: marker.message,
        startLineNumber: marker.line,
        endLineNumber: marker.line,
        startColumn: marker.column ?? 1,
        endColumn: marker.column ? marker.column + 1 : model.getLineMaxColumn(marker.line),
      })),
    );
  }, [loaded, markers]);

  useEffect(() => {
    if (!reveal) return;
    if (loaded) selectLine(loaded.editor, reveal.line);
    else if (textarea.current) selectTextareaLine(textarea.current, reveal.line);
    // Only a new request moves the cursor; Monaco arriving later carries the selection over.
  }, [reveal]);

  return (
    <div className="code-editor">
      {!loaded && (
        <textarea
          ref={textarea}
          aria-label={file}
          value={value}
          rows={rows}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onRun();
          }}
        />
      )}
      {/* Its height comes from playground.css: `rows` lines, fewer on a wide screen's split page. */}
      <div ref={host} className="monaco-host" style={{ '--editor-rows': rows } as CSSProperties} data-ready={loaded ? 'true' : undefined} />
    </div>
  );
}
