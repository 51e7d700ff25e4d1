import { csvImportRows, jsonImportRows } from './import-rows';

const newId = (row: number) => `gen-${row}`;
const header = 'questionId,kind,prompt,points,options,correct,tolerance,scoring,explanation';

describe('CSV import rows', () => {
  it('reads every kind, with quoted commas and line breaks, ids from the row or generated', () => {
    const csv = [
      header,
      'cap,single-choice,"Capital of France, please",2,Paris|Lyon|Nice,a,,,"Paris, since 508"',
      ',multiple-choice,Cities on the coast?,1,Paris|Nice|Marseille,Nice|c,,partial,',
      'tf,true-false,"Is the sky\nblue?",1,,TRUE,,,',
      'st,short-text,Who wrote the first program?,1,,Ada Lovelace|Ada,,,',
      'pi,numeric,Pi to two places,1,,3.14,0.005,,',
    ].join('\r\n');
    const parsed = csvImportRows(csv, newId);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5]);
    const [single, multiple, tf, short, numeric] = parsed.rows.map((row) => row.question);
    expect(single).toMatchObject({
      questionId: 'cap',
      prompt: 'Capital of France, please',
      points: 2,
      options: [
        { optionId: 'a', text: 'Paris' },
        { optionId: 'b', text: 'Lyon' },
        { optionId: 'c', text: 'Nice' },
      ],
      correctOptionId: 'a',
      explanation: 'Paris, since 508',
    });
    expect(multiple).toMatchObject({ questionId: 'gen-2', correctOptionIds: ['b', 'c'], scoring: 'partial' });
    expect(tf).toMatchObject({ prompt: 'Is the sky\nblue?', correct: true });
    expect(short).toMatchObject({ acceptedAnswers: ['Ada Lovelace', 'Ada'] });
    expect(numeric).toMatchObject({ correct: 3.14, tolerance: 0.005 });
  });

  it('takes the columns in any order and case, optional ones left out', () => {
    const parsed = csvImportRows('Prompt,KIND,Correct\nTwo plus two?,numeric,4\n', newId);
    expect(parsed).toMatchObject({
      ok: true,
      rows: [{ row: 1, question: { questionId: 'gen-1', points: 1, correct: 4, tolerance: 0 } }],
    });
  });

  it('reports every bad row with the CSV column at fault, and returns no question', () => {
    const csv = [
      header,
      'ok,true-false,Fine?,1,,true,,,',
      'bad1,single-choice,Pick one,1,A|B,z,,,',
      'bad2,numeric,How many?,lots,,4,,,',
      'bad3,riddle,What?,1,,x,,,',
      'bad4,true-false,Yes?,1,,maybe,,,',
      'bad5,short-text,,1,,answer,,,',
    ].join('\n');
    const parsed = csvImportRows(csv, newId);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: 'correct' },
      { row: 3, field: 'points' },
      { row: 4, field: 'kind' },
      { row: 5, field: 'correct' },
      { row: 6, field: 'prompt' },
    ]);
  });

  it('refuses a row with the wrong number of fields', () => {
    const parsed = csvImportRows(`${header}\nq,true-false,Fine?,1,,true\n`, newId);
    expect(parsed).toMatchObject({ ok: false, errors: [{ row: 1, field: '(row)' }] });
  });

  it('refuses a header with an unknown or missing column as row 0', () => {
    expect(csvImportRows('kind,prompt,answer\n', newId)).toMatchObject({
      ok: false,
      errors: [
        { row: 0, field: 'header', message: expect.stringContaining('answer') },
        { row: 0, field: 'header', message: 'column correct is missing' },
      ],
    });
  });

  it('refuses broken CSV syntax and an import with no rows', () => {
    expect(csvImportRows(`${header}\nq,true-false,"open,1,,true,,,`, newId)).toMatchObject({
      ok: false,
      errors: [{ row: 0, field: 'csv' }],
    });
    expect(csvImportRows(`${header}\n`, newId)).toMatchObject({
      ok: false,
      errors: [{ row: 0, field: 'csv' }],
    });
    expect(csvImportRows('', newId)).toMatchObject({ ok: false, errors: [{ row: 0, field: 'csv' }] });
  });
});

describe('JSON import rows', () => {
  it('takes questions in the contract shape, generating missing ids', () => {
    const parsed = jsonImportRows(
      [
        { questionId: 'j1', kind: 'true-false', prompt: 'Yes?', points: 1, correct: true },
        { kind: 'short-text', prompt: 'Name?', points: 1, acceptedAnswers: ['Ada'] },
      ],
      newId,
    );
    expect(parsed).toMatchObject({
      ok: true,
      rows: [
        { row: 1, question: { questionId: 'j1' } },
        { row: 2, question: { questionId: 'gen-2' } },
      ],
    });
  });

  it('names the element and the contract field at fault', () => {
    const parsed = jsonImportRows(
      [
        { kind: 'numeric', prompt: 'n', points: 1, correct: 1 },
        {
          kind: 'single-choice',
          prompt: 'p',
          points: 1,
          options: [
            { optionId: 'a', text: 'A' },
            { optionId: 'b', text: 'B' },
          ],
          correctOptionId: 'c',
        },
        'not a question',
      ],
      newId,
    );
    expect(parsed).toMatchObject({
      ok: false,
      errors: [
        { row: 2, field: 'correctOptionId' },
        { row: 3, field: '(row)' },
      ],
    });
  });
});
