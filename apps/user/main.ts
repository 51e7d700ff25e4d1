import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { userApp } from './src/user.app';

void runApp(userApp);
