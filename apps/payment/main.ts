import 'reflect-metadata';
import { runApp } from '@quizbook/platform';
import { paymentApp } from './src/payment.app';

void runApp(paymentApp);
