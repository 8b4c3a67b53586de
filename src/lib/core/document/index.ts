export { generateDocument } from './generate.ts';
export { documentText } from './text.ts';
export type { Clause, DocTable, OfficialDocument, Sentence, SourceRef } from './types.ts';
