import { Module } from '@nestjs/common';

/** The one public API of the SPA. */
@Module({})
export class BffWebModule {}
