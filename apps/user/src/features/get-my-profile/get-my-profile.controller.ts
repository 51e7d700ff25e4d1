import { Controller, Get, Inject } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { notFound } from '@quizbook/platform';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { loadProfile, type UserProfile } from './user-profile';

@Controller('users')
export class GetMyProfileController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Get('me')
  async me(@CurrentPrincipal() me: Principal): Promise<UserProfile> {
    const profile = await this.services.profiles.get(me.userId, () =>
      loadProfile(this.services.eventStore, me.userId),
    );
    // A Cognito user whose sign-up message has not been recorded yet has a token but no profile.
    if (!profile) throw notFound('There is no profile for this user yet.');
    return profile;
  }
}
