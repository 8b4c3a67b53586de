// The order in which the editor starts: the editor takes keys first, and only then does the language worker
// run its first check (client.ts holds what the page sends it until then). On this 2-core machine the first
// check (compiling the set, evaluating every sample at every level: over a second of CPU) otherwise competes with
// loading and starting Monaco, and its results are rendered on the page's thread while Monaco's module is still
// being evaluated. Measured with bench/editor-startup.ts (four builds, one run): holding only the results back
// made the first check later and the editor barely sooner; deferring the check itself made both sooner.
let release: () => void = () => {};
const created = new Promise<void>((resolve) => (release = resolve));

/** Resolves after the first frame that shows the first editor (or at once if Monaco could not load). */
export const editorStarted: Promise<void> = created.then(
	() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
);

/** Called by monaco.ts when the first editor is created, or when Monaco failed to load. */
export function markEditorStarted(): void {
	release();
}
