import { Module } from '@nestjs/common';

/** Email templates, sending and the dev mailbox, from bus messages. */
@Module({})
export class NotificationModule {}
