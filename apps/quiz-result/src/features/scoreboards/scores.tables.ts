export type AttemptRowStatus = 'in-progress' | 'graded' | 'expired';

export interface ScoresTables {
  /** One row per attempt: counts attempts per learner and quiz. */
  qr_attempts: {
    attempt_id: string;
    quiz_id: string;
    course_id: string;
    learner_id: string;
    status: AttemptRowStatus;
    score_percent: number | null;
    passed: number | null;
    finished_at: string | null;
    last_position: string | number;
  };
  /** The best graded attempt per learner and quiz: the scoreboard's rows. */
  qr_best_scores: {
    quiz_id: string;
    learner_id: string;
    course_id: string;
    attempt_id: string;
    score_percent: number;
    /** Whether the best attempt passed. */
    passed: number;
    /** Whether any attempt passed (a pass mark can change between versions). */
    passed_any: number;
    finished_at: string;
  };
}
