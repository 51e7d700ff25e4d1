import { questionBankStreams, type QuestionBankStreams } from '../domain/question-bank/question-bank-streams';
import { quizStreams, type QuizStreams } from '../domain/quiz/quiz-streams';
import type { QuizServices } from '../quiz-services';

export interface AuthoringStreams {
  quizzes: QuizStreams;
  banks: QuestionBankStreams;
}

const byServices = new WeakMap<QuizServices, AuthoringStreams>();

/** The quiz and bank streams of one app, sharing its per-process mutex. */
export function authoringStreams(services: QuizServices): AuthoringStreams {
  let streams = byServices.get(services);
  if (!streams) {
    streams = {
      quizzes: quizStreams(services.eventStore, services.mutex),
      banks: questionBankStreams(services.eventStore, services.mutex),
    };
    byServices.set(services, streams);
  }
  return streams;
}
