import type { Type } from '@nestjs/common';

/** The quiz routes of the public API (authoring, attempts, scoreboards), mounted by BffWebModule. */
export const quizControllers: Type<unknown>[] = [];
