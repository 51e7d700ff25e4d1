export interface LiveFeedTables {
  /** Per user, for replay to a reconnecting socket; pruned after the retention period. */
  qr_live_messages: {
    user_id: string;
    /** The source event's global position (also the message's `position`). */
    position: string | number;
    type: string;
    /** The LiveMessage `data`, as JSON. */
    data: string;
    created_at: string;
  };
  /**
   * Attempts whose result was announced: a second AttemptGraded for one attempt (a grader without
   * deterministic event ids) must not push a second result.
   */
  qr_live_results: {
    attempt_id: string;
    position: string | number;
  };
  /** Order events after the first do not name the learner; OrderInitiated does. */
  qr_order_learners: {
    order_id: string;
    learner_id: string;
  };
}
