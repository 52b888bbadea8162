import { closeCompletion } from '@codemirror/autocomplete';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import cypherCssUrl from '@neo4j-cypher/codemirror/css/cypher-codemirror.css?url';
import editorCssUrl from './styles/editor.css?url';
import { NODE_LABELS, REL_TYPES } from '../../model/index.js';

/**
 * The Cypher editor: CodeMirror 6 with Neo4j's Cypher language support (a real Cypher parser:
 * highlighting, syntax errors underlined, completion of this graph's labels, types and keys).
 * Loaded on demand, only when the Cypher view opens: it is the largest part of the client.
 *
 * The editor lives in a shadow root: CodeMirror's style-mod injects a <style> element into a
 * document (which the CSP's style-src 'self' blocks) but uses a constructed stylesheet in a
 * shadow root, which the CSP allows. Its stylesheets come in as <link>s to our own files.
 */
export interface CypherEditorHandle {
  getValue(): string;
  setValue(value: string): void;
  focus(): void;
  destroy(): void;
}

const PROPERTY_KEYS = [
  'id',
  'key',
  'name',
  'title',
  'articleCount',
  'url',
  'page',
  'pageUrl',
  'date',
  'category',
  'type',
  'summary',
  'language',
  'file',
  'stub',
  'description',
  'relevancy',
  'change',
  'tenYear',
  'drivingForce',
  'rank',
  'size',
  'reason',
  'similarity',
];

export function createEditor(
  parent: HTMLElement,
  options: { value: string; label: string; onRun(): void; onChange(value: string): void },
): CypherEditorHandle {
  const run = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: (view) => {
          // A completion list left open would cover the results of the query just run.
          closeCompletion(view);
          options.onRun();
          return true;
        },
      },
    ]),
  );
  // Typing over a selection makes Chrome's own editing wrap the new text in a <span style=…> to
  // keep the old token colour: a style attribute the CSP blocks (and reports). Replacing the
  // selection through CodeMirror instead leaves the browser nothing to insert.
  const typeOverSelection = EditorView.domEventHandlers({
    beforeinput: (event, view) => {
      if (event.inputType !== 'insertText' || event.isComposing || view.composing || event.data === null)
        return false;
      if (view.state.selection.ranges.every((range) => range.empty)) return false;
      event.preventDefault();
      view.dispatch(view.state.replaceSelection(event.data), {
        userEvent: 'input.type',
        scrollIntoView: true,
      });
      return true;
    },
  });
  const shadow = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
  shadow.replaceChildren(
    ...[cypherCssUrl, editorCssUrl].map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      return link;
    }),
  );
  const mount = document.createElement('div');
  mount.className = 'editor-mount';
  shadow.appendChild(mount);
  const created: unknown = createCypherEditor(mount, {
    value: options.value,
    theme: 'light',
    lineNumbers: true,
    // The package's default shows a "$" prompt on one-line queries.
    lineNumberFormatter: (line) => String(line),
    lineWrapping: true,
    lint: true,
    autocomplete: true,
    autocompleteCloseOnBlur: true,
    history: true,
    tabKey: false,
    placeholder: 'MATCH (t:Theme) RETURN t.name, t.articleCount ORDER BY t.articleCount DESC LIMIT 10',
    schema: { labels: [...NODE_LABELS], relationshipTypes: [...REL_TYPES], propertyKeys: PROPERTY_KEYS },
    preExtensions: [run, typeOverSelection, EditorView.contentAttributes.of({ 'aria-label': options.label })],
  });
  // 1.0.x returns { editor } although its typings say the EditorApi itself.
  const editor = (created as { editor?: EditorApi }).editor ?? (created as EditorApi);
  editor.onValueChanged((value) => options.onChange(value));
  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (value) => editor.setValue(value),
    focus: () => editor.focus(),
    destroy: () => {
      editor.destroy();
      shadow.replaceChildren();
    },
  };
}
