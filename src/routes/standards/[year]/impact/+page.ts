// The draft lives in the browser's localStorage: the page renders there (as the editor does).
export const ssr = false;
