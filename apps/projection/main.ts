import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { projectionApp } from './src/projection.app';

void runApp(projectionApp);
