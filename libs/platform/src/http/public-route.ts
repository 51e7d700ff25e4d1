import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'quizbook:public-route';

/**
 * Marks a controller or handler as answering without a token. Every other route is refused by the
 * auth guard (libs/auth), so forgetting a decorator fails closed, never open.
 */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
