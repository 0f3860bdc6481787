// CSV export of a report's rows (RFC 4180): a header row of the columns in selection order, nested
// objects as dotted columns ("partner.name"), CRLF line ends, a field quoted when it holds a comma,
// a double quote, CR or LF (quotes doubled). UTF-8 with a byte-order mark: without it Excel reads
// the file in the local code page and Thai, Khmer or Vietnamese text turns to mojibake.

const BOM = '\uFEFF'

// A text cell that starts with one of these is read as a formula by spreadsheet programs, so a
// name such as "=HYPERLINK(…)" in the data could run in the Secretariat's spreadsheet. Such
// cells get a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection").
// Phone numbers shown as "+66 …" are text that starts with "+" and are kept as text this way too.
const FORMULA_START = /^[=+\-@\t\r]/

/** The value at a column path; a list on the way gives each item's value. */
function valueAt(row: unknown, path: readonly string[]): unknown {
  let value: unknown = row
  for (let i = 0; i < path.length; i++) {
    if (value == null) return null
    if (Array.isArray(value)) return value.map((item) => valueAt(item, path.slice(i)))
    value = (value as Record<string, unknown>)[path[i]!]
  }
  return value
}

function plainText(value: unknown): string {
  if (value == null) return ''
  if (Array.isArray(value)) return value.map(plainText).join('; ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** A cell's text: empty for null, lists joined with "; ", numbers and booleans as JSON writes them. */
export function cellText(value: unknown): string {
  const text = plainText(value)
  return typeof value !== 'number' && FORMULA_START.test(text) ? `'${text}` : text
}

export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(columns: readonly (readonly string[])[], rows: readonly unknown[]): string {
  const lines = [columns.map((c) => quoteField(c.join('.')))]
  for (const row of rows) lines.push(columns.map((c) => quoteField(cellText(valueAt(row, c)))))
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n'
}
