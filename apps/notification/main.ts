import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { notificationApp } from './src/notification.app';

void runApp(notificationApp);
