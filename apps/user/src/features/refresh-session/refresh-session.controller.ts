import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { Public, ZodValidationPipe } from '@quizbook/platform';
import type { z } from 'zod';
import { requireLocalIssuer } from '../../http/local-issuer-only';
import { answering } from '../../http/user-problems';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { refreshTokenBody } from './refresh-session.dto';
import { refreshSession } from './refresh-session';

@Controller('auth')
export class RefreshSessionController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body(new ZodValidationPipe(refreshTokenBody)) body: z.infer<typeof refreshTokenBody>) {
    requireLocalIssuer(this.services);
    return answering(() => refreshSession(this.services, body.refreshToken));
  }
}
