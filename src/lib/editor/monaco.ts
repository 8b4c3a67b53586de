// Monaco, loaded only in the browser, with the standard language wired to the worker: highlighting from the
// grammar's tokens, semantic colouring, completion, hover, definition, references, outline, formatting and
// quick fixes. Everything that needs the language runs in the worker; this file only translates.
import type * as Monaco from 'monaco-editor';
import type { WorkerClient } from './client.ts';
import type { CompletionItem, Diagnostic, OutlineItem, Range } from './protocol.ts';
import { tokenizeLine } from './highlight.ts';
import { keepAfterSpace } from './completion-trigger.ts';
import * as core from './monaco-core.ts';
import { markEditorStarted } from './startup.ts';

export type MonacoApi = typeof Monaco;
export const LANGUAGE_ID = 'stdc';
export const THEME_ID = 'stdc-light';
export const MARKER_OWNER = 'stdc';

let loading: Promise<MonacoApi> | null = null;

/** Monaco rejects its own cancelled operations when an editor switches models, and some of those promises are
 *  never awaited (microsoft/monaco-editor#5135, #4904): the browser then reports "Uncaught (in promise)
 *  Canceled". Only that exact error is silenced; every other one still surfaces. */
function silenceMonacoCancellation(): void {
	const isCancel = (e: unknown) => e instanceof Error && e.name === 'Canceled' && e.message === 'Canceled';
	window.addEventListener('unhandledrejection', (event) => {
		if (isCancel(event.reason)) event.preventDefault();
	});
	window.addEventListener('error', (event) => {
		if (isCancel(event.error)) event.preventDefault();
	});
}

/** The part of Monaco the editor uses (monaco-core.ts: Chinese UI strings, the core, the contributions it
 *  offers). It is a static import of this module, so that the page's one `import('$lib/editor/monaco')` fetches
 *  this file, Monaco and the highlighter together instead of one after the other.
 *
 *  Monaco's own worker is started only when Monaco first asks for it (formatting, quick fixes): nothing the
 *  editor shows at start needs it, and starting it then only took CPU from the page and the language worker
 *  (bench/editor-startup.ts, BENCH_TRACE=1). */
export function loadMonaco(): Promise<MonacoApi> {
	loading ??= (async () => {
		silenceMonacoCancellation();
		const monaco = core as unknown as MonacoApi;
		(globalThis as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
			getWorker: () => import('monaco-editor/esm/vs/editor/editor.worker.js?worker').then(({ default: EditorWorker }) => new EditorWorker())
		};
		const first = monaco.editor.onDidCreateEditor(() => {
			first.dispose();
			markEditorStarted();
		});
		return monaco;
	})();
	loading.catch(() => markEditorStarted()); // the page shows the error; the check's results are not held back
	return loading;
}

/** Semantic token types, as the language service names them; the theme colours each. */
const SEMANTIC_TYPES = ['field', 'list', 'enum', 'definition', 'parameter', 'constant', 'window', 'level', 'gateGroup', 'scoreTable', 'committee'];

export function defineTheme(monaco: MonacoApi): void {
	monaco.editor.defineTheme(THEME_ID, {
		base: 'vs',
		inherit: true,
		rules: [
			{ token: 'keyword', foreground: '1d4f91', fontStyle: 'bold' },
			{ token: 'number', foreground: '9a5b00' },
			{ token: 'string', foreground: '23703a' },
			{ token: 'comment', foreground: '7b8794' },
			{ token: 'operator', foreground: '52606d' },
			{ token: 'identifier', foreground: '1f2933' },
			{ token: 'invalid', foreground: 'c62828', fontStyle: 'underline' },
			// Semantic tokens (what a name refers to, from the language service).
			{ token: 'field', foreground: '6b3fa0' },
			{ token: 'list', foreground: '6b3fa0', fontStyle: 'underline' },
			{ token: 'enum', foreground: 'a4266a' },
			{ token: 'definition', foreground: '0b6e69' },
			{ token: 'parameter', foreground: '8a5a00' },
			{ token: 'constant', foreground: 'b35300' },
			{ token: 'window', foreground: '245ea8' },
			{ token: 'level', foreground: '1d3b5c', fontStyle: 'bold' },
			{ token: 'gateGroup', foreground: '0b6e69' },
			{ token: 'scoreTable', foreground: '0b6e69' },
			{ token: 'committee', foreground: '0b6e69' }
		],
		colors: {
			'editor.lineHighlightBackground': '#f3f6fa',
			'editorLineNumber.foreground': '#9aa5b1',
			'editorLineNumber.activeForeground': '#1d3b5c'
		}
	});
}

export const toMonacoRange = (r: Pick<Range, 'line' | 'col' | 'endLine' | 'endCol'>): Monaco.IRange => ({
	startLineNumber: r.line,
	startColumn: r.col,
	endLineNumber: r.endLine,
	endColumn: r.endCol
});

export interface LanguageHost {
	client: WorkerClient;
	/** The set's file a model holds, or null for models that are not the set's. */
	pathOf(model: Monaco.editor.ITextModel): string | null;
	uriOf(path: string): Monaco.Uri;
	/** Shows a file and a place in it (go to definition into another file). */
	open(path: string, range?: Monaco.IRange | Monaco.IPosition): void;
	/** The diagnostics the markers were made from, for quick fixes. */
	diagnostics(): readonly Diagnostic[];
}

const COMPLETION_KIND = (m: MonacoApi): Record<CompletionItem['kind'], Monaco.languages.CompletionItemKind> => {
	const K = m.languages.CompletionItemKind;
	return {
		keyword: K.Keyword, field: K.Field, list: K.Struct, enum: K.EnumMember, definition: K.Function, constant: K.Constant,
		window: K.Event, unit: K.Unit, level: K.Class, committee: K.Module, gateGroup: K.Module, scoreTable: K.Module, snippet: K.Snippet
	};
};

/** Context-specific completions come first; keywords last. */
const SORT: Record<CompletionItem['kind'], string> = {
	enum: '0', unit: '0', window: '0', gateGroup: '0', scoreTable: '0', committee: '0', level: '0',
	field: '1', list: '1', definition: '2', constant: '2', snippet: '3', keyword: '4'
};

const SYMBOL_KIND = (m: MonacoApi): Record<OutlineItem['kind'], Monaco.languages.SymbolKind> => {
	const S = m.languages.SymbolKind;
	return {
		header: S.File, level: S.Class, gateGroup: S.Module, gate: S.Boolean, route: S.Namespace, item: S.Boolean,
		scoreTable: S.Module, component: S.Number, definition: S.Function, constant: S.Constant, window: S.Event,
		committee: S.Struct, order: S.Enum, dateField: S.Field
	};
};

const quiet = <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);

/** Registers the language and its providers; dispose the result when the page goes away. */
export function registerLanguage(monaco: MonacoApi, host: LanguageHost): Monaco.IDisposable {
	const { client } = host;
	const disposables: Monaco.IDisposable[] = [];
	if (!monaco.languages.getLanguages().some((l) => l.id === LANGUAGE_ID)) {
		monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.std'], aliases: ['评价标准', 'stdc'] });
	}
	defineTheme(monaco);
	const add = (d: Monaco.IDisposable) => disposables.push(d);

	add(
		monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
			comments: { lineComment: '//' },
			brackets: [['{', '}'], ['(', ')'], ['｛', '｝'], ['（', '）']],
			autoClosingPairs: [
				{ open: '{', close: '}' },
				{ open: '(', close: ')' },
				{ open: '"', close: '"', notIn: ['string', 'comment'] },
				{ open: '“', close: '”', notIn: ['string', 'comment'] },
				{ open: '（', close: '）' }
			],
			surroundingPairs: [
				{ open: '{', close: '}' },
				{ open: '(', close: ')' },
				{ open: '"', close: '"' },
				{ open: '“', close: '”' }
			],
			wordPattern: /[A-Za-z_\u3400-\u4dbf\u4e00-\u9fff][A-Za-z_0-9\u3400-\u4dbf\u4e00-\u9fff]*|\d+(?:\.\d+)?/g,
			indentationRules: { increaseIndentPattern: /[{｛][^}｝]*$/, decreaseIndentPattern: /^\s*[}｝]/ }
		})
	);

	const state: Monaco.languages.IState = { clone: () => state, equals: () => true };
	add(
		monaco.languages.setTokensProvider(LANGUAGE_ID, {
			getInitialState: () => state,
			tokenize: (line) => ({ tokens: tokenizeLine(line).map((t) => ({ startIndex: t.start, scopes: t.scope })), endState: state })
		})
	);

	add(
		monaco.languages.registerDocumentSemanticTokensProvider(LANGUAGE_ID, {
			getLegend: () => ({ tokenTypes: SEMANTIC_TYPES, tokenModifiers: [] }),
			async provideDocumentSemanticTokens(model) {
				const path = host.pathOf(model);
				if (!path) return null;
				const tokens = await quiet(client.call('semanticTokens', path), []);
				const data: number[] = [];
				let line = 1;
				let col = 1;
				for (const t of tokens) {
					const type = SEMANTIC_TYPES.indexOf(t.type);
					if (type < 0 || t.length <= 0) continue;
					const dl = t.line - line;
					data.push(dl, dl === 0 ? t.col - col : t.col - 1, t.length, type, 0);
					line = t.line;
					col = t.col;
				}
				return { data: new Uint32Array(data) };
			},
			releaseDocumentSemanticTokens() {}
		})
	);

	const kinds = COMPLETION_KIND(monaco);
	add(
		monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
			triggerCharacters: ['.', ' '],
			async provideCompletionItems(model, position, context) {
				const path = host.pathOf(model);
				if (!path) return { suggestions: [] };
				let items = await quiet(client.call('completions', path, position.lineNumber, position.column), []);
				// After a space, only what that place specifically takes (completion-trigger.ts).
				if (context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter && context.triggerCharacter === ' ') {
					items = keepAfterSpace(items);
				}
				const word = model.getWordUntilPosition(position);
				const fallback: Monaco.IRange = {
					startLineNumber: position.lineNumber,
					startColumn: word.startColumn,
					endLineNumber: position.lineNumber,
					endColumn: word.endColumn
				};
				return {
					suggestions: items.map((i) => ({
						label: i.detail ? { label: i.label, description: i.detail } : i.label,
						kind: kinds[i.kind] ?? monaco.languages.CompletionItemKind.Text,
						detail: i.detail,
						documentation: i.documentation ? { value: i.documentation } : undefined,
						insertText: i.insertText ?? i.label,
						...(i.kind === 'snippet' ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
						filterText: i.filterText ?? i.label,
						sortText: `${SORT[i.kind] ?? '5'}${i.label}`,
						range: i.range ? toMonacoRange(i.range) : fallback
					}))
				};
			}
		})
	);

	add(
		monaco.languages.registerHoverProvider(LANGUAGE_ID, {
			async provideHover(model, position) {
				const path = host.pathOf(model);
				if (!path) return null;
				const h = await quiet(client.call('hover', path, position.lineNumber, position.column), null);
				return h ? { contents: [{ value: h.markdown }], range: toMonacoRange(h.range) } : null;
			}
		})
	);

	add(
		monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
			async provideDefinition(model, position) {
				const path = host.pathOf(model);
				if (!path) return null;
				const r = await quiet(client.call('definition', path, position.lineNumber, position.column), null);
				return r ? { uri: host.uriOf(r.file), range: toMonacoRange(r) } : null;
			}
		})
	);

	add(
		monaco.languages.registerReferenceProvider(LANGUAGE_ID, {
			async provideReferences(model, position) {
				const path = host.pathOf(model);
				if (!path) return [];
				const rs = await quiet(client.call('references', path, position.lineNumber, position.column), []);
				return rs.map((r) => ({ uri: host.uriOf(r.file), range: toMonacoRange(r) }));
			}
		})
	);

	const symbolKinds = SYMBOL_KIND(monaco);
	const toSymbol = (o: OutlineItem): Monaco.languages.DocumentSymbol => ({
		name: o.name,
		detail: '',
		kind: symbolKinds[o.kind] ?? monaco.languages.SymbolKind.Object,
		tags: [],
		range: toMonacoRange(o.range),
		selectionRange: toMonacoRange(o.selection),
		children: o.children?.map(toSymbol)
	});
	add(
		monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
			displayName: '大纲',
			async provideDocumentSymbols(model) {
				const path = host.pathOf(model);
				if (!path) return [];
				return (await quiet(client.call('outline', path), [])).map(toSymbol);
			}
		})
	);

	add(
		monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
			displayName: 'stdc fmt',
			async provideDocumentFormattingEdits(model) {
				const path = host.pathOf(model);
				if (!path) return [];
				const before = model.getValue();
				const text = await quiet(client.call('format', path), before);
				return text === before ? [] : [{ range: model.getFullModelRange(), text }];
			}
		})
	);

	add(
		monaco.languages.registerCodeActionProvider(
			LANGUAGE_ID,
			{
				provideCodeActions(model, _range, context) {
					const path = host.pathOf(model);
					if (!path) return { actions: [], dispose() {} };
					const actions: Monaco.languages.CodeAction[] = [];
					for (const marker of context.markers) {
						const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
						const d = host
							.diagnostics()
							.find(
								(x) =>
									x.file === path && x.code === code && x.line === marker.startLineNumber && x.col === marker.startColumn && x.suggestions?.length
							);
						d?.suggestions?.forEach((s, i) => {
							actions.push({
								title: `改为“${s}”`,
								kind: 'quickfix',
								diagnostics: [marker],
								isPreferred: i === 0,
								edit: {
									edits: [
										{
											resource: model.uri,
											versionId: model.getVersionId(),
											textEdit: { range: toMonacoRange(d), text: s }
										}
									]
								}
							});
						});
					}
					return { actions, dispose() {} };
				}
			},
			{ providedCodeActionKinds: ['quickfix'] }
		)
	);

	add(
		monaco.editor.registerEditorOpener({
			openCodeEditor(_source, resource, selectionOrPosition) {
				const model = monaco.editor.getModel(resource);
				const path = model ? host.pathOf(model) : null;
				if (!path) return false;
				// Not inside the command that asked: switching models there cancels the command's own work.
				setTimeout(() => host.open(path, selectionOrPosition), 0);
				return true;
			}
		})
	);

	return { dispose: () => disposables.splice(0).forEach((d) => d.dispose()) };
}

/** Diagnostics as markers on each file's model; a zero-width span still gets one character to underline. */
export function setMarkers(
	monaco: MonacoApi,
	models: Iterable<[string, Monaco.editor.ITextModel]>,
	diagnostics: readonly Diagnostic[]
): void {
	const byFile = new Map<string, Monaco.editor.IMarkerData[]>();
	for (const d of diagnostics) {
		const list = byFile.get(d.file) ?? [];
		const sameLine = d.endLine === d.line;
		list.push({
			severity:
				d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
			message: d.message,
			code: d.code,
			source: '标准检查',
			startLineNumber: d.line,
			startColumn: d.col,
			endLineNumber: d.endLine,
			endColumn: sameLine && d.endCol <= d.col ? d.col + 1 : d.endCol
		});
		byFile.set(d.file, list);
	}
	for (const [path, model] of models) monaco.editor.setModelMarkers(model, MARKER_OWNER, byFile.get(path) ?? []);
}
