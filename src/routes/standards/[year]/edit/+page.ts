// The editor is an application of the browser: it starts from the drafts in localStorage, which the server
// cannot see. The server still runs the page's load, so that a year without a set answers 404 from the server,
// but it renders only a placeholder; the editor itself is drawn in the browser (see `browser` in +page.svelte).
export const ssr = true;
