/** @internal A name in Chinese and English. */
export interface Name {
  readonly zh: string
  readonly en: string
}

/**
 * @internal A code's names from `table`, or, for a code of a county's own
 * that the table does not hold, the code as it is in both languages.
 */
export const nameIn = <K extends string>(table: { readonly [C in K]: Name }, code: string): Name =>
  Object.hasOwn(table, code) ? table[code as K] : { zh: code, en: code }
