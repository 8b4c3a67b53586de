// A typed space opens the completion list only where the place takes something specific: a value after "=",
// a window after 于, the item's fields after 其中, … — never the general list (keywords, definitions, the
// record's fields), which after every space would get in the way of typing.
import type { CompletionItem } from './protocol.ts';

const SPECIFIC = new Set<CompletionItem['kind']>(['enum', 'window', 'gateGroup', 'scoreTable', 'committee', 'field', 'list']);

/** What to show of the language service's completions when a space opened the list: all of them when every one
 *  is of a specific kind (the general list always has keywords, so a list of fields alone is the item's fields
 *  that the language service offers after 其中 / 且 …), else none. */
export function keepAfterSpace(items: CompletionItem[]): CompletionItem[] {
	return items.every((i) => SPECIFIC.has(i.kind)) ? items : [];
}
