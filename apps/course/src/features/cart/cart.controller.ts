import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { addToCart } from './add-to-cart';
import { addCartItemBody, type AddCartItemBody } from './cart.dto';
import { cartView } from './cart-view';

/** The caller's own cart; there is no route to anyone else's. */
@Roles('learner')
@Controller('cart')
export class CartController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  @Get()
  view(@CurrentPrincipal() caller: Principal) {
    return answering(() => cartView(this.services, caller.userId));
  }

  /** Adding a course already in the cart changes nothing and answers the cart as it is. */
  @Post('items')
  @HttpCode(200)
  add(
    @CurrentPrincipal() caller: Principal,
    @Body(new ZodValidationPipe(addCartItemBody)) body: AddCartItemBody,
  ) {
    return answering(() => addToCart(this.services, caller.userId, body.courseId));
  }

  @Delete('items/:courseId')
  remove(@CurrentPrincipal() caller: Principal, @Param('courseId') courseId: string) {
    return answering(async () => {
      await this.services.carts.remove(caller.userId, [courseId]);
      return cartView(this.services, caller.userId);
    });
  }
}
