import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { courseApp } from './src/course.app';

void runApp(courseApp);
