import { CsvSyntaxError, parseCsv } from './parse-csv';

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on LF and CRLF and fields on commas', () => {
    expect(fieldsOf('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(fieldsOf('q,text\n1,"Paris, France"\n2,"two\nlines"\n3,"say ""hi"""\n')).toEqual([
      ['q', 'text'],
      ['1', 'Paris, France'],
      ['2', 'two\nlines'],
      ['3', 'say "hi"'],
    ]);
  });

  it('keeps empty fields, including a quoted empty one and a trailing one', () => {
    expect(fieldsOf('a,,"",\n')).toEqual([['a', '', '', '']]);
  });

  it('names the line each record starts on, past quoted line breaks', () => {
    expect(parseCsv('h\n"x\ny"\nz').map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('drops a byte-order mark and skips blank lines', () => {
    expect(fieldsOf('\uFEFFa,b\n\n1,2\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    const refusal = (() => {
      try {
        parseCsv('a,b\n1,"open\nstill open');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(CsvSyntaxError);
    expect((refusal as CsvSyntaxError).line).toBe(2);
  });

  it('refuses a quote in the middle of a bare field and text after a closing quote', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/unquoted field/);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/closing quote/);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
