import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@quizbook/platform';
import type { PublicJwk } from '../../tokens/signing-key-store';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';

@Controller('.well-known')
export class JwksController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  /** Verifiers refetch on an unknown kid, so a short cache lifetime is enough after a rotation. */
  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return { keys: await this.services.keys.publishedKeys() };
  }
}
