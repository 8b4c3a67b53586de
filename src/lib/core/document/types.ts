// The official document: what the generator makes from the checked model, and what the public page, the
// plain-text golden and print render. Every sentence carries the source position of the clause it states.

/** Where a sentence came from: the DSL clause (file, first and last line/column). */
export interface SourceRef {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface Sentence {
  text: string;
  src: SourceRef;
}

export interface DocTable {
  head: string[];
  rows: { cells: string[]; src: SourceRef }[];
}

/** One numbered clause: 一、 （一） 1. （1） ①, with its heading, its sentences, a table, and sub-clauses. */
export interface Clause {
  number: string;
  heading: string;
  src?: SourceRef;
  sentences: Sentence[];
  table?: DocTable;
  children: Clause[];
}

export interface OfficialDocument {
  title: string;
  year: number;
  issuers: string[];
  referenceDate: string;
  /** 2026年9月30日 */
  referenceDateText: string;
  clauses: Clause[];
}
