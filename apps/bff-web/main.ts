import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { bffWebApp } from './src/bff-web.app';

void runApp(bffWebApp);
