import { questionKinds, questionSchema, type Question, type QuestionKind } from '@quizbook/contracts';
import { questionIssues } from '../../questions/question-rules';
import type { ImportRowError } from '../question-bank-errors';
import type { ImportRow } from '../question-bank.decider';
import { CsvSyntaxError, parseCsv } from './parse-csv';

/** The questions of an import, or every row error found in it; never half of either. */
export type ImportParse = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportRowError[] };

/** Picks an id for a row that names none (the import's id and the row make it repeatable). */
export type NewQuestionId = (row: number) => string;

export const csvColumns = [
  'questionId',
  'kind',
  'prompt',
  'points',
  'options',
  'correct',
  'tolerance',
  'scoring',
  'explanation',
] as const;
type CsvColumn = (typeof csvColumns)[number];
const requiredColumns: CsvColumn[] = ['kind', 'prompt', 'correct'];

/** Row 0 stands for the file as a whole (its syntax, its header). */
const wholeFile = 0;

/** JSON: an array of questions in the contract shape; row n is the n-th element (1-based). */
export function jsonImportRows(items: readonly unknown[], newId: NewQuestionId): ImportParse {
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    const candidate =
      item && typeof item === 'object' && !Array.isArray(item) && !('questionId' in item)
        ? { ...item, questionId: newId(row) }
        : item;
    const parsed = checkedQuestion(candidate, row, (path) => path);
    if (parsed.ok) rows.push({ row, question: parsed.question });
    else errors.push(...parsed.errors);
  });
  return done(rows, errors);
}

/**
 * CSV with a header row naming the columns (any order, case-insensitive): `kind`, `prompt` and
 * `correct` are required; `questionId`, `points` (default 1), `options`, `tolerance`, `scoring` and
 * `explanation` optional. Lists (`options`, several correct options, accepted answers) separate their
 * items with `|`. Options get the ids a, b, c… in order; `correct` names options by id or by text.
 * Row n is the n-th record after the header.
 */
export function csvImportRows(text: string, newId: NewQuestionId): ImportParse {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return failed(wholeFile, 'csv', error.message);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) return failed(wholeFile, 'csv', 'the CSV is empty: a header row and one row per question');
  const columns = readHeader(header.fields);
  if (!columns.ok) return { ok: false, errors: columns.errors };
  if (data.length === 0) return failed(wholeFile, 'csv', 'the CSV has a header but no question rows');

  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  data.forEach((record, index) => {
    const row = index + 1;
    if (record.fields.length !== header.fields.length) {
      errors.push({
        row,
        field: '(row)',
        message: `has ${record.fields.length} fields, the header has ${header.fields.length} (line ${record.line})`,
      });
      return;
    }
    const cell = (column: CsvColumn): string => {
      const at = columns.index.get(column);
      return at === undefined ? '' : record.fields[at]!.trim();
    };
    const built = questionFromCells(cell, row, newId);
    if (!built.ok) {
      errors.push(...built.errors);
      return;
    }
    const parsed = checkedQuestion(built.candidate, row, csvColumnOf);
    if (parsed.ok) rows.push({ row, question: parsed.question });
    else errors.push(...parsed.errors);
  });
  return done(rows, errors);
}

function readHeader(
  fields: string[],
): { ok: true; index: Map<CsvColumn, number> } | { ok: false; errors: ImportRowError[] } {
  const byName = new Map(csvColumns.map((column) => [column.toLowerCase(), column]));
  const index = new Map<CsvColumn, number>();
  const errors: ImportRowError[] = [];
  fields.forEach((raw, at) => {
    const column = byName.get(raw.trim().toLowerCase());
    if (!column)
      errors.push({
        row: wholeFile,
        field: 'header',
        message: `unknown column "${raw}" (known: ${csvColumns.join(', ')})`,
      });
    else if (index.has(column))
      errors.push({ row: wholeFile, field: 'header', message: `column ${column} repeats` });
    else index.set(column, at);
  });
  for (const column of requiredColumns)
    if (!index.has(column))
      errors.push({ row: wholeFile, field: 'header', message: `column ${column} is missing` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}

const optionIdAt = (index: number): string =>
  index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;
const list = (cell: string): string[] => (cell === '' ? [] : cell.split('|').map((item) => item.trim()));

function questionFromCells(
  cell: (column: CsvColumn) => string,
  row: number,
  newId: NewQuestionId,
): { ok: true; candidate: Record<string, unknown> } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const number = (column: CsvColumn, fallback: number): number => {
    const raw = cell(column);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) errors.push({ row, field: column, message: `"${raw}" is not a number` });
    return value;
  };
  const kind = cell('kind').toLowerCase() as QuestionKind;
  if (!questionKinds.includes(kind))
    return failed(row, 'kind', `"${cell('kind')}" is not one of ${questionKinds.join(', ')}`);

  const candidate: Record<string, unknown> = {
    questionId: cell('questionId') || newId(row),
    kind,
    prompt: cell('prompt'),
    points: number('points', 1),
    explanation: cell('explanation'),
  };
  if (kind === 'single-choice' || kind === 'multiple-choice') {
    const options = list(cell('options')).map((text, index) => ({ optionId: optionIdAt(index), text }));
    // An option is named by its id (a, b, …) or, failing that, by its exact text.
    const optionIdOf = (name: string): string =>
      options.find((option) => option.optionId === name.toLowerCase())?.optionId ??
      options.find((option) => option.text === name)?.optionId ??
      name;
    candidate.options = options;
    if (kind === 'single-choice') candidate.correctOptionId = optionIdOf(cell('correct'));
    else {
      candidate.correctOptionIds = list(cell('correct')).map(optionIdOf);
      if (cell('scoring') !== '') candidate.scoring = cell('scoring').toLowerCase();
    }
  } else if (kind === 'true-false') {
    const answer = cell('correct').toLowerCase();
    if (answer !== 'true' && answer !== 'false')
      errors.push({ row, field: 'correct', message: 'must be true or false' });
    candidate.correct = answer === 'true';
  } else if (kind === 'short-text') {
    candidate.acceptedAnswers = list(cell('correct'));
  } else {
    candidate.correct = number('correct', Number.NaN);
    if (cell('correct') === '')
      errors.push({ row, field: 'correct', message: 'is required: the correct number' });
    candidate.tolerance = number('tolerance', 0);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, candidate };
}

/** A contract field as the CSV column that holds it. */
function csvColumnOf(path: string): string {
  const head = path.split('.')[0]!;
  if (['correctOptionId', 'correctOptionIds', 'acceptedAnswers', 'correct'].includes(head)) return 'correct';
  return (csvColumns as readonly string[]).includes(head) ? head : path || '(row)';
}

function checkedQuestion(
  candidate: unknown,
  row: number,
  fieldOf: (path: string) => string,
): { ok: true; question: Question } | { ok: false; errors: ImportRowError[] } {
  const parsed = questionSchema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        row,
        field: fieldOf(issue.path.join('.')) || '(row)',
        message: issue.message,
      })),
    };
  const issues = questionIssues(parsed.data);
  if (issues.length > 0)
    return {
      ok: false,
      errors: issues.map((issue) => ({ row, field: fieldOf(issue.field), message: issue.message })),
    };
  return { ok: true, question: parsed.data };
}

const failed = (row: number, field: string, message: string): { ok: false; errors: ImportRowError[] } => ({
  ok: false,
  errors: [{ row, field, message }],
});

const done = (rows: ImportRow[], errors: ImportRowError[]): ImportParse =>
  errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
