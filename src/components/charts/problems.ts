/**
 * The problems a chart can have, as one closed list of codes: a typo in a code is a type error,
 * and tests, the CLI and the editor match on these strings. Browser-safe, types and constants only.
 */

/** Problems of a spec found by `checkChartSpec`: the schema, the ledger, the places, the colours. */
export const specProblemCodes = [
  "INVALID_JSON",
  "UNKNOWN_CHART_TYPE",
  "MISSING_FIELD",
  "UNKNOWN_FIELD",
  "INVALID_FIELD",
  "SPEC_TOO_LARGE",
  "TOO_MANY_ANNOTATIONS",
  "UNKNOWN_CLAIM",
  "DUPLICATE_CLAIM",
  "UNKNOWN_PLACE",
  "UNKNOWN_COUNTRY",
  "UNKNOWN_TERRITORY",
  "ANNOTATION_ON_NOTHING",
  "LABEL_ON_NOTHING",
  "NUMBER_IN_TEXT",
  "QUALIFIER_BEFORE_FIGURE",
  "INVALID_PLACEHOLDER",
  "NOT_A_COUNT",
  "BELOW_ZERO",
  "MIXED_UNITS",
  "MIXED_MEASURES",
  "TOO_MANY_SQUARES",
  "TOO_MANY_CLAIMS",
  "COLORS_INDISTINGUISHABLE",
  "LOW_CONTRAST"
] as const;

/** Problems of a chart as laid out at one width, found by `layoutProblems`. */
export const layoutProblemCodes = ["LABEL_COLLISION", "LABEL_CLIPPED", "LABEL_OFFSET_OUTSIDE"] as const;

/** A code of `checkChartSpec`. */
export type SpecProblemCode = (typeof specProblemCodes)[number];
/** A code of `layoutProblems`. */
export type LayoutProblemCode = (typeof layoutProblemCodes)[number];
/** Every code a chart problem may carry. */
export type ChartProblemCode = SpecProblemCode | LayoutProblemCode;

/** One problem with a spec: a stable code, the field path (`annotations[2].on`, "" for the whole spec), a message. */
export interface SpecProblem {
  code: SpecProblemCode;
  field: string;
  detail: string;
}

/** Reports a problem: `fail("UNKNOWN_CLAIM", "claims[1]", 'claim "x" is not in data/claims.csv')`. */
export type Fail = (code: SpecProblemCode, field: string, detail: string) => void;
