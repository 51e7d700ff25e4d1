import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '@quizbook/auth';
import { csvImportRows, jsonImportRows } from '../../domain/question-bank/import/import-rows';
import { ImportRejectedError } from '../../domain/question-bank/question-bank-errors';
import { authoringStreams } from '../../http/authoring-streams';
import type { QuizServices } from '../../quiz-services';
import type { ImportQuestionsBody } from './import-questions.dto';

const digest = (text: string, length: number): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The import's id: the body's, else one derived from the Idempotency-Key (so a retry of the same
 * request names the same import), else a fresh one.
 */
export function importIdOf(body: ImportQuestionsBody, idempotencyKey: string | undefined): string {
  if (body.importId) return body.importId;
  const key = idempotencyKey?.trim();
  return key ? `key-${digest(key, 32)}` : randomUUID();
}

/**
 * Every row is checked before anything is stored; one BankQuestionsImported event carries the whole
 * import, with an event id named after the import, so a retry (even from another process) stores
 * nothing new and answers the count of the first.
 */
export async function importQuestions(
  services: QuizServices,
  caller: Principal,
  body: ImportQuestionsBody,
  idempotencyKey: string | undefined,
): Promise<{ importId: string; imported: number; revision: bigint }> {
  const ownerId = caller.userId;
  const importId = importIdOf(body, idempotencyKey);
  // Ids for rows that name none: derived from the import, so a retry picks the same ones.
  const newId = (row: number) => `q-${digest(`${ownerId}:${importId}:${row}`, 16)}`;
  const parsed =
    body.format === 'json' ? jsonImportRows(body.questions, newId) : csvImportRows(body.csv, newId);
  const banks = authoringStreams(services).banks;
  if (!parsed.ok) {
    // A retry of an import that already landed answers its outcome, whatever the body says now.
    const { state } = await banks.load(ownerId);
    const landed = state.imports[importId];
    if (landed !== undefined) return { importId, imported: landed, revision: -1n };
    throw new ImportRejectedError(ownerId, parsed.errors);
  }
  const handled = await banks.handle(
    ownerId,
    { type: 'ImportBankQuestions', ownerId, importId, format: body.format, rows: parsed.rows },
    { eventName: () => `questionbank-import:${ownerId}:${importId}` },
  );
  return { importId, imported: handled.state.imports[importId]!, revision: handled.revision };
}
