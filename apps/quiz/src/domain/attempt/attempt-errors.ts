/** Domain refusals of the attempt decider: the HTTP layer maps each to a problem type. */
export class AttemptError extends Error {
  constructor(
    readonly attemptId: string,
    message: string,
  ) {
    super(message);
  }
}

export class AttemptNotFoundError extends AttemptError {
  override readonly name = 'AttemptNotFoundError';
  constructor(attemptId: string) {
    super(attemptId, `attempt ${attemptId} does not exist`);
  }
}

/** The slot (quiz, learner, number) is taken: the start handler moves on to the next number. */
export class AttemptAlreadyStartedError extends AttemptError {
  override readonly name = 'AttemptAlreadyStartedError';
  constructor(attemptId: string) {
    super(attemptId, `attempt ${attemptId} has started already`);
  }
}

export class AttemptAlreadySubmittedError extends AttemptError {
  override readonly name = 'AttemptAlreadySubmittedError';
  constructor(attemptId: string) {
    super(attemptId, `attempt ${attemptId} was submitted already`);
  }
}

/** Closed at its deadline (abandoned, or a late sheet refused): nothing more is accepted. */
export class AttemptClosedError extends AttemptError {
  override readonly name = 'AttemptClosedError';
  constructor(attemptId: string) {
    super(attemptId, `attempt ${attemptId} closed at its deadline`);
  }
}

export class AttemptNotSubmittedError extends AttemptError {
  override readonly name = 'AttemptNotSubmittedError';
  constructor(
    attemptId: string,
    readonly status: string,
  ) {
    super(attemptId, `attempt ${attemptId} is ${status}: there is no sheet to grade`);
  }
}

/** A grade must be computed on the version the attempt was started on, never a later one. */
export class WrongQuizVersionError extends AttemptError {
  override readonly name = 'WrongQuizVersionError';
  constructor(attemptId: string, expected: number, given: number) {
    super(attemptId, `attempt ${attemptId} was started on version ${expected}, not ${given}`);
  }
}
