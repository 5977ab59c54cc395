/**
 * A code editor: a plain labelled textarea at first (works at once, and without JavaScript
 * frameworks loaded), replaced by Monaco once it has loaded in the background. The text is owned
 * by the parent; markers show errors of the last run at their lines.
 */
import { useEffect, useRef, useState } from 'react';

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

export function CodeEditor({ file, language, value, onChange, onRun, markers, rows = 20, reveal }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ monaco: Monaco; editor: Editor }>();
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };

  useEffect(() => {
    performance.mark('fastpath:editor-shown'); // the textarea, usable before Monaco; for `npm run bench`
    let disposed = false;
    let editor: Editor | undefined;
    import('./load-monaco.ts').then(({ monaco }) => {
      if (disposed || !host.current) return;
      const uri = monaco.Uri.parse(`file:///${file}`);
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
      editor = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs',
        ariaLabel: file,
      });
      editor.onDidChangeModelContent(() => latest.current.onChange(editor!.getValue()));
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
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
    if (!loaded || !model || model.getValue() === value) return;
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

  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!reveal) return;
    if (loaded) {
      const { editor } = loaded;
      editor.revealLineInCenter(reveal.line);
      editor.setSelection({ startLineNumber: reveal.line, startColumn: 1, endLineNumber: reveal.line, endColumn: editor.getModel()?.getLineMaxColumn(reveal.line) ?? 1 });
      editor.focus();
    } else if (textarea.current) {
      const lines = textarea.current.value.split('\n');
      const start = lines.slice(0, reveal.line - 1).join('\n').length + (reveal.line > 1 ? 1 : 0);
      textarea.current.focus();
      textarea.current.setSelectionRange(start, start + (lines[reveal.line - 1]?.length ?? 0));
    }
    // Only a new request moves the cursor; Monaco arriving later must not steal focus again.
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
      <div ref={host} className="monaco-host" style={{ height: loaded ? `${rows * 1.45}em` : 0 }} data-ready={loaded ? 'true' : undefined} />
    </div>
  );
}
