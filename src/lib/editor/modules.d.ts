// Monaco's ESM entry points that its package.json types do not name.
declare module 'monaco-editor/esm/nls.messages.zh-cn.js';
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
	export * from 'monaco-editor';
}
