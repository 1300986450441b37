/** Licence, certificate and equipment numbers: the width of their columns (varchar 40). */
export const NUMBER_TEXT = { maxLength: 40 } as const;
