import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { quizResultApp } from './src/quiz-result.app';

void runApp(quizResultApp);
