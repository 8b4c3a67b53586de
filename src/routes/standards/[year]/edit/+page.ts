// The editor is an application of the browser: it starts from the drafts in localStorage, which the server
// cannot see, so the page renders only in the browser (the server still loads the set's files and samples).
export const ssr = false;
