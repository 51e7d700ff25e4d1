import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { z } from 'zod';
import { requireLocalIssuer } from '../../http/local-issuer-only';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { refreshTokenBody } from '../refresh-session/refresh-session.dto';

@Controller('auth')
export class LogOutController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  /** 204 whatever the token was: logging out twice, or with a stale token, is not an error. */
  @Post('logout')
  @HttpCode(204)
  async logOut(
    @CurrentPrincipal() me: Principal,
    @Body(new ZodValidationPipe(refreshTokenBody)) body: z.infer<typeof refreshTokenBody>,
  ): Promise<void> {
    requireLocalIssuer(this.services);
    await this.services.refreshTokens.revokeFamilyOf(body.refreshToken, me.userId);
  }
}
