/** The codes places have in every table of the warehouse (CBS's own: NL01, JZnn, GMnnnn). */

/** Nederland. */
export const NL = 'NL01';
export const NL_NAME = 'Nederland';

/** A place code: Nederland, a jeugdregio or a gemeente. */
export const PLACE_CODE = /^(NL01|JZ\d{2}|GM\d{4})$/;
