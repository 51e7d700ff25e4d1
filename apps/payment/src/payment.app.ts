import { defineApp } from '@quizbook/platform';
import { PaymentModule } from './payment.module';

export const paymentApp = defineApp({
  name: 'payment',
  module: PaymentModule,
  uses: ['eventStore', 'bus'],
});
