// The compiled bundle: one JSON document that any JSON Logic engine can run (see bundle.schema.json).
import type { Logic } from './logic.ts';

export interface Src {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type ValueKind = 'number' | 'date' | 'enum' | 'string' | 'boolean' | 'null';

/** A figure: a value of the applicant's beside the requirement it is held to. */
export interface Figure {
  label: string;
  value: Logic;
  op: string;
  target: Logic;
  kind: ValueKind;
  unit?: { name: string; factor: number };
  enumLabels?: Record<string, string>;
  src: Src;
}

/** The list items an aggregation counted, for explanations. `take` runs on one item. */
export interface ListMatch {
  list: string;
  label: string;
  matches: Logic;
  take?: Logic;
  /** How `take` values print (万元 for amounts). */
  unit?: { name: string; factor: number };
  src: Src;
}

export interface BundleRule {
  id?: string;
  label: string;
  reason?: string;
  logic: Logic;
  figures: Figure[];
  lists: ListMatch[];
  src: Src;
}

export interface BundleComponent {
  id: string;
  label: string;
  cap: number | null;
  raw: Logic;
  points: Logic;
  lists: ListMatch[];
  src: Src;
}

export interface BundleLevel {
  name: string;
  src: Src;
  code: string;
  tier: string;
  postGrades: [number, number];
  committee: string | null;
  methods: string[];
  gates: { label: string; rules: BundleRule[]; src: Src };
  routes: {
    regular: { label: string; lines: BundleRule[]; src: Src } | null;
    direct: { label: string; requires: BundleRule[]; lines: BundleRule[]; src: Src } | null;
  };
  performance: { label: string; need: number; items: BundleRule[]; met: Logic; src: Src };
  scoring: { label: string; minimum: number; components: BundleComponent[]; src: Src };
  /** "pass" | "fail" | "ineligible" */
  verdict: Logic;
  /** "regular" | "direct" | null */
  route: Logic;
  /** the total score, a number; null when ineligible (no score is reported) */
  score: Logic;
}

export interface Bundle {
  format: 'stdc-bundle@1';
  meta: { name: string; year: number; referenceDate: string; issuers: string[] };
  procedure: { name: string; label: string; params: { name: string; op?: string; value?: number; ratio?: [number, number]; unit?: string; texts?: string[] }[] }[];
  recordSchema: object;
  levels: BundleLevel[];
}
