import type { QuestionIssue } from '../questions/question-rules';

/** Domain refusals of the question-bank decider: the HTTP layer maps each to a problem type. */
export class QuestionBankError extends Error {
  constructor(
    readonly ownerId: string,
    message: string,
  ) {
    super(message);
  }
}

export class BankQuestionNotFoundError extends QuestionBankError {
  override readonly name = 'BankQuestionNotFoundError';
  constructor(
    ownerId: string,
    readonly questionId: string,
  ) {
    super(ownerId, `the bank of ${ownerId} has no question ${questionId}`);
  }
}

export class BankQuestionIdTakenError extends QuestionBankError {
  override readonly name = 'BankQuestionIdTakenError';
  constructor(
    ownerId: string,
    readonly questionId: string,
  ) {
    super(ownerId, `the bank of ${ownerId} already has a question ${questionId}`);
  }
}

export class InvalidBankQuestionError extends QuestionBankError {
  override readonly name = 'InvalidBankQuestionError';
  constructor(
    ownerId: string,
    readonly issues: QuestionIssue[],
  ) {
    super(ownerId, `invalid question: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
}

/** One bad row of an import, 1-based as the author counts them (CSV: data rows after the header). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/** Any bad row refuses the whole import: nothing of it is stored. */
export class ImportRejectedError extends QuestionBankError {
  override readonly name = 'ImportRejectedError';
  constructor(
    ownerId: string,
    readonly rows: ImportRowError[],
  ) {
    super(ownerId, `import refused: ${rows.length} row error(s)`);
  }
}
