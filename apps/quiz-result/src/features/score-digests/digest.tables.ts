export interface DigestTables {
  /** Graded attempts, each waiting for (digest_id null) or assigned to exactly one digest. */
  qr_digest_attempts: {
    attempt_id: string;
    quiz_id: string;
    learner_id: string;
    score_percent: number;
    passed: number;
    finished_at: string;
    graded_at: string;
    digest_id: string | null;
  };
  /** The digest outbox: closed windows, published_at set once the message is on the bus. */
  qr_digests: {
    digest_id: string;
    quiz_id: string;
    window_start: string;
    window_end: string;
    published_at: string | null;
  };
}
