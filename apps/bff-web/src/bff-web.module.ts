import { Module } from '@nestjs/common';
import { AdminUsersController } from './features/admin-users/admin-users.controller';
import { AuthController } from './features/auth/auth.controller';
import { JwksController } from './features/jwks/jwks.controller';
import { MeController } from './features/me/me.controller';
import { UserServiceClient } from './upstream/user-service.client';

/** The one public API of the SPA: validates at the edge, then relays to the services. */
@Module({
  controllers: [AuthController, MeController, AdminUsersController, JwksController],
  providers: [UserServiceClient],
})
export class BffWebModule {}
