// The part of Monaco the standards editor uses, as one module: its Chinese UI strings first (static imports run
// in order, so they are in place before any of Monaco's modules runs), then the core editor API and only the
// contributions the editor offers. edcore.main.js would add some thirty more (inline completions, colour
// picker, code lens, inlay hints, links, rename, drag and drop, …) that nothing here registers or uses.
// What each kept contribution gives the clerk is noted beside it; add one here when the editor starts using it.
// (The diff editor's widget still comes with the core, standaloneEditor.js, about 120 kB of 3.4 MB: cutting it
// out would mean stubbing one of Monaco's own modules, not worth it. Its contribution, the diff editor's
// commands, is not imported: nothing here shows a diff.)
import 'monaco-editor/esm/nls.messages.zh-cn.js';
import 'monaco-editor/esm/vs/editor/internal/initialize.js';
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js'; // typing, cursor moves, selection
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js'; // copy, cut, paste (menu and keys)
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js'; // quick fixes (Ctrl+.)
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js'; // Ctrl+/ comments a line
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js'; // Ctrl+F, Ctrl+H
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js'; // 格式化 (Shift+Alt+F)
import 'monaco-editor/esm/vs/editor/contrib/documentSymbols/browser/documentSymbols.js'; // outline
import 'monaco-editor/esm/vs/editor/contrib/gotoSymbol/browser/goToCommands.js'; // F12, Shift+F12
import 'monaco-editor/esm/vs/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js'; // Ctrl+click
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js'; // F8
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js'; // move/copy/delete lines
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/semanticTokens/browser/documentSemanticTokens.js';
import 'monaco-editor/esm/vs/editor/contrib/semanticTokens/browser/viewportSemanticTokens.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js'; // completion snippets
import 'monaco-editor/esm/vs/editor/contrib/stickyScroll/browser/stickyScrollContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js'; // completion
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js'; // Ctrl+M
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js'; // Ctrl+←/→, Ctrl+Backspace
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js'; // Ctrl+G
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess.js'; // Ctrl+Shift+O
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js'; // F1
import 'monaco-editor/esm/vs/editor/standalone/browser/referenceSearch/standaloneReferenceSearch.js'; // references peek
export * from 'monaco-editor/esm/vs/editor/editor.api2.js';
