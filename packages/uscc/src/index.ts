export { UsccAllowList } from './allow-list.ts';
export { USCC_CHARSET } from './charset.ts';
export { computeOrganizationCheckCharacter, computeUsccCheckCharacter } from './check-characters.ts';
export { divisionPrefix, getDivision, listDivisions, regionCovers, resolveDivision } from './divisions.ts';
export { type GenerateUsccOptions, generateUscc } from './generate.ts';
export { normalizeUscc } from './normalize.ts';
export { parseUscc } from './parse.ts';
export type { Division, UsccCheck, UsccParts, UsccProblem, UsccRule } from './types.ts';
export { checkUscc, isValidUscc, MAX_USCC_INPUT_LENGTH, type UsccCheckOptions } from './validate.ts';
