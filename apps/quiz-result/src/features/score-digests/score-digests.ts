import { notificationsTopic, QuizScoreDigestRequested } from '@quizbook/contracts';
import type { AnySqlDatabase } from '@quizbook/database';
import type { MessageBus } from '@quizbook/messaging';
import type { Kysely } from 'kysely';
import type { QuizResultTables } from '../../quiz-result-tables';
import { digestDueAt } from './digest-due-at';

type Db = Kysely<QuizResultTables>;

export interface ScoreDigestRule {
  intervalMs: number;
  delayMs: number;
}

export const digestMessageId = (quizId: string, windowStart: string) =>
  `quiz-digest-${quizId}-${windowStart}`;

/**
 * Closes every quiz window that is due: its waiting attempts are assigned to one new digest row, in
 * one transaction, so no attempt can land in two digests. Returns how many windows it closed.
 */
export async function closeDueDigestWindows(database: AnySqlDatabase, rule: ScoreDigestRule, now: Date) {
  const db = database.db as Db;
  const pending = await db
    .selectFrom('qr_digest_attempts')
    .innerJoin('qr_quizzes', 'qr_quizzes.quiz_id', 'qr_digest_attempts.quiz_id')
    .select(['qr_digest_attempts.quiz_id', 'qr_digest_attempts.graded_at'])
    .where('qr_digest_attempts.digest_id', 'is', null)
    .execute();
  const firstPending = new Map<string, number>();
  for (const row of pending) {
    const at = Date.parse(row.graded_at);
    firstPending.set(row.quiz_id, Math.min(at, firstPending.get(row.quiz_id) ?? at));
  }
  let closed = 0;
  for (const [quizId, first] of firstPending) {
    const last = await db
      .selectFrom('qr_digests')
      .select('window_end')
      .where('quiz_id', '=', quizId)
      .orderBy('window_end', 'desc')
      .limit(1)
      .executeTakeFirst();
    const lastDigestAt = last ? new Date(last.window_end) : undefined;
    const due = digestDueAt({ firstPendingAt: new Date(first), lastDigestAt, ...rule });
    if (now < due) continue;
    // One window follows the other: it starts where the previous ended, so ids never repeat.
    const windowStart = (lastDigestAt ?? new Date(Math.min(first, now.getTime()))).toISOString();
    const windowEnd = now.toISOString();
    const digestId = digestMessageId(quizId, windowStart);
    await db.transaction().execute(async (trx) => {
      const assigned = await trx
        .updateTable('qr_digest_attempts')
        .set({ digest_id: digestId })
        .where('quiz_id', '=', quizId)
        .where('digest_id', 'is', null)
        .executeTakeFirst();
      // Another instance closed this window first.
      if (Number(assigned.numUpdatedRows) === 0) return;
      await trx
        .insertInto('qr_digests')
        .values({
          digest_id: digestId,
          quiz_id: quizId,
          window_start: windowStart,
          window_end: windowEnd,
          published_at: null,
        })
        .execute();
      closed++;
    });
  }
  return closed;
}

/**
 * Publishes every closed digest not yet marked published, then marks it. A crash between the two
 * publishes it again with the same message id, which the notification app drops.
 */
export async function publishClosedDigests(database: AnySqlDatabase, bus: MessageBus, now: Date) {
  const db = database.db as Db;
  const unpublished = await db
    .selectFrom('qr_digests')
    .innerJoin('qr_quizzes', 'qr_quizzes.quiz_id', 'qr_digests.quiz_id')
    .leftJoin('qr_users', 'qr_users.user_id', 'qr_quizzes.owner_id')
    .select([
      'qr_digests.digest_id',
      'qr_digests.quiz_id',
      'qr_digests.window_start',
      'qr_digests.window_end',
      'qr_quizzes.title',
      'qr_quizzes.course_id',
      'qr_quizzes.owner_id',
      'qr_users.email',
    ])
    .where('qr_digests.published_at', 'is', null)
    .orderBy('qr_digests.window_end')
    .execute();
  for (const digest of unpublished) {
    const rows = await db
      .selectFrom('qr_digest_attempts as a')
      .leftJoin('qr_users as u', 'u.user_id', 'a.learner_id')
      .select(['a.learner_id', 'a.score_percent', 'a.passed', 'a.finished_at', 'a.attempt_id', 'u.name'])
      .where('a.digest_id', '=', digest.digest_id)
      .orderBy('a.finished_at')
      .orderBy('a.attempt_id')
      .execute();
    if (rows.length === 0) continue;
    const attempts = rows.map((row) => ({
      learnerId: row.learner_id,
      learnerName: row.name ?? row.learner_id,
      scorePercent: Number(row.score_percent),
      passed: Boolean(Number(row.passed)),
      finishedAt: row.finished_at,
    }));
    const total = attempts.reduce((sum, attempt) => sum + attempt.scorePercent, 0);
    const message = QuizScoreDigestRequested.create({
      instructorId: digest.owner_id,
      ...(digest.email ? { email: digest.email } : {}),
      quizId: digest.quiz_id,
      quizTitle: digest.title,
      courseId: digest.course_id,
      period: periodOf(digest.window_start, digest.window_end),
      attempts,
      averagePercent: Math.round((total / attempts.length) * 100) / 100,
      passedCount: attempts.filter((attempt) => attempt.passed).length,
    });
    await bus.publish(notificationsTopic, {
      id: digest.digest_id,
      type: message.type,
      key: digest.quiz_id,
      payload: message.data,
    });
    await db
      .updateTable('qr_digests')
      .set({ published_at: now.toISOString() })
      .where('digest_id', '=', digest.digest_id)
      .execute();
  }
}

const utc = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** e.g. "2026-11-22 14:00 - 2026-11-22 15:00 UTC"; shown in the email's subject. */
export function periodOf(windowStart: string, windowEnd: string): string {
  return `${utc(windowStart)} - ${utc(windowEnd)} UTC`;
}
