export type UsccRule =
  | 'EMPTY'
  | 'LENGTH'
  | 'ILLEGAL_CHARACTER'
  | 'UNKNOWN_AUTHORITY'
  | 'UNKNOWN_ENTITY_TYPE'
  | 'UNKNOWN_DIVISION'
  | 'ORGANIZATION_CODE_CHECK'
  | 'CHECK_CHARACTER'
  | 'ALLOW_LISTED';

export interface UsccProblem {
  rule: UsccRule;
  /** English first, Chinese term in parentheses, so both operators and developers can read it. */
  message: string;
  /** 1-based character position in the normalized code; null for whole-code problems. */
  position: number | null;
  severity: 'error' | 'warning';
}

export interface Division {
  code: string;
  name: string;
  /** e.g. 山西省运城市盐湖区; a municipality's placeholder city is not repeated (北京市海淀区). */
  fullName: string;
  province: string | null;
  /** null for a county that sits directly under a province-level unit (municipality districts, 省直辖县级行政区划). */
  city: string | null;
  county: string | null;
  level: 'province' | 'city' | 'county';
}

export interface UsccParts {
  authority: { code: string; name: string } | null;
  entityType: { code: string; name: string } | null;
  /** Positions 3–8. */
  regionCode: string;
  /** The exact division, else its city, else its province; null when none is known. */
  division: Division | null;
  /** Positions 9–17 (GB 11714, including its own check character). */
  organizationCode: string;
  /** Position 18. */
  checkCharacter: string;
}

export interface UsccCheck {
  input: string;
  normalized: string;
  /** No error-severity problem, or the code is allow-listed. */
  valid: boolean;
  /** True only when the allow-list was needed to admit a code that has errors. */
  allowListed: boolean;
  /** Whole-code problems first, then by position, then ALLOW_LISTED. */
  problems: UsccProblem[];
  /** null only when the normalized code is not 18 characters. */
  parts: UsccParts | null;
}
