import { Module } from '@nestjs/common';

/** Identity, roles and profiles: `user-<id>` streams, local JWT issuer. */
@Module({})
export class UserModule {}
