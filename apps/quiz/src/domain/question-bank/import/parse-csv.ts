/** A CSV text that is not well-formed RFC 4180 (an unclosed quote, a quote inside a bare field). */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** One record and the line of the text it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180: comma-separated fields, records ended by CRLF or LF, fields in double quotes may hold
 * commas, line breaks and `""` for a quote. A leading byte-order mark is dropped, and blank lines
 * (a record of one empty field) are skipped, since spreadsheets leave them at the end.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Whether the current field opened with a quote, and whether that quote has closed.
  let quoted = false;
  let closed = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
    closed = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < input.length) {
    const char = input[i]!;
    if (quoted && !closed) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        closed = true;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === ',') {
      endField();
      i++;
    } else if (char === '\n' || (char === '\r' && input[i + 1] === '\n')) {
      endRecord();
      i += char === '\r' ? 2 : 1;
      line++;
      recordLine = line;
    } else if (closed) {
      throw new CsvSyntaxError(line, 'a closing quote must end its field');
    } else if (char === '"') {
      if (field !== '')
        throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
      quoted = true;
      i++;
    } else {
      field += char;
      i++;
    }
  }
  if (quoted && !closed) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return records;
}
