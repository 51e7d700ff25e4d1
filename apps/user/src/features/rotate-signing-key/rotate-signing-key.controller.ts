import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { Roles } from '@quizbook/auth';
import { LOGGER } from '@quizbook/platform';
import type { Logger } from 'pino';
import { requireLocalIssuer } from '../../http/local-issuer-only';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';

@Controller('admin/signing-keys')
export class RotateSigningKeyController {
  constructor(
    @Inject(USER_SERVICES) private readonly services: UserServices,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Roles('admin')
  @Post('rotate')
  @HttpCode(200)
  async rotate(): Promise<{ kid: string }> {
    requireLocalIssuer(this.services);
    const rotated = await this.services.keys.rotate();
    this.logger.info({ kid: rotated.kid }, 'signing key rotated');
    return rotated;
  }
}
