// Monaco's ESM entry points that its package.json types do not name.
declare module 'monaco-editor/esm/nls.messages.zh-cn.js';
declare module 'monaco-editor/esm/vs/editor/editor.api2.js' {
	export * from 'monaco-editor';
}
// Its contributions, imported for what they register (monaco-core.ts).
declare module 'monaco-editor/esm/vs/*';
