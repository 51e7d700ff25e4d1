/** Domain refusals: the HTTP layer maps them to problems, the CLI to messages. */
export class UserNotFoundError extends Error {
  override readonly name = 'UserNotFoundError';
  constructor(readonly userId: string) {
    super(`user ${userId} does not exist`);
  }
}

export class UserAlreadyRegisteredError extends Error {
  override readonly name = 'UserAlreadyRegisteredError';
  constructor(readonly userId: string) {
    super(`user ${userId} is already registered`);
  }
}

export class UserIsDisabledError extends Error {
  override readonly name = 'UserIsDisabledError';
  constructor(readonly userId: string) {
    super(`user ${userId} is disabled`);
  }
}
