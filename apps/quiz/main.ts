import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { quizApp } from './src/quiz.app';

void runApp(quizApp);
