/**
 * Every quiz route this folder adds to the public API, with its access: the OpenAPI specs check the
 * document against it, so a route added here without docs (or docs without a route) fails a spec.
 */
export const quizPublicRoutes: [method: string, path: string, access: 'public' | 'bearer'][] = [
  ['post', '/api/courses/{id}/quizzes', 'bearer'],
  ['get', '/api/courses/{id}/quizzes', 'bearer'],
  ['get', '/api/courses/{id}/progress', 'bearer'],
  ['get', '/api/quizzes/{id}', 'bearer'],
  ['patch', '/api/quizzes/{id}', 'bearer'],
  ['post', '/api/quizzes/{id}/questions', 'bearer'],
  ['put', '/api/quizzes/{id}/questions/{questionId}', 'bearer'],
  ['delete', '/api/quizzes/{id}/questions/{questionId}', 'bearer'],
  ['post', '/api/quizzes/{id}/publish', 'bearer'],
  ['post', '/api/quizzes/{id}/archive', 'bearer'],
  ['post', '/api/quizzes/{id}/attempts', 'bearer'],
  ['get', '/api/quizzes/{id}/attempts', 'bearer'],
  ['get', '/api/quizzes/{id}/scoreboard', 'bearer'],
  ['post', '/api/attempts/{id}/submit', 'bearer'],
  ['get', '/api/attempts/{id}', 'bearer'],
  ['get', '/api/question-bank', 'bearer'],
  ['post', '/api/question-bank/questions', 'bearer'],
  ['put', '/api/question-bank/questions/{questionId}', 'bearer'],
  ['delete', '/api/question-bank/questions/{questionId}', 'bearer'],
  ['post', '/api/question-bank/imports', 'bearer'],
];
