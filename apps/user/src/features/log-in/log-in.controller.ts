import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { Public, ZodValidationPipe } from '@quizbook/platform';
import type { z } from 'zod';
import { requireLocalIssuer } from '../../http/local-issuer-only';
import { answering } from '../../http/user-problems';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { logInBody } from './log-in.dto';
import { logIn } from './log-in';

@Controller('auth')
export class LogInController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  logIn(@Body(new ZodValidationPipe(logInBody)) body: z.infer<typeof logInBody>) {
    requireLocalIssuer(this.services);
    return answering(() => logIn(this.services, body.email, body.password));
  }
}
