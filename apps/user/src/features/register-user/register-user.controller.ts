import { Body, Controller, Inject, Post } from '@nestjs/common';
import { Public, ZodValidationPipe } from '@quizbook/platform';
import { requireLocalIssuer } from '../../http/local-issuer-only';
import { answering } from '../../http/user-problems';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { registerUserBody, type RegisterUserBody } from './register-user.dto';
import { registerUser } from './register-user';

@Controller('auth')
export class RegisterUserController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Public()
  @Post('register')
  register(@Body(new ZodValidationPipe(registerUserBody)) body: RegisterUserBody) {
    requireLocalIssuer(this.services);
    return answering(() => registerUser(this.services, body));
  }
}
