// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
// carriage return before one) as a formula — `=HYPERLINK(…)`, `-2+3+cmd|…` — even when
// it came from a CSV file. Every exported text cell (CSV and XLSX alike) goes through
// `neutraliseerCel`: such text gets a leading apostrophe, which spreadsheets read as
// "this is text". Two exceptions keep exports usable:
// - a cell that is a plain negative number ("-12,50", "-1.234,56", "-5") stays as it is:
//   a spreadsheet reads it as a number, never as a formula (the declaratie CSV's
//   amounts, and what the import reads back);
// - text that already starts with apostrophes before such a character gets one more,
//   so `leesCel` (used by the import) can take exactly one off again: export and
//   import are each other's inverse for every text.

const GEVAARLIJK = /^'*[=+\-@\t\r]/
const NEGATIEF_GETAL = /^-\d+(?:[.,]\d+)*$/

/** The text to write in a spreadsheet cell so that it is never run as a formula. */
export function neutraliseerCel(tekst: string): string {
  return GEVAARLIJK.test(tekst) && !NEGATIEF_GETAL.test(tekst) ? `'${tekst}` : tekst
}

/** The text `neutraliseerCel` was given (for a cell read from a file). */
export function leesCel(cel: string): string {
  return cel.startsWith("'") && GEVAARLIJK.test(cel) ? cel.slice(1) : cel
}
