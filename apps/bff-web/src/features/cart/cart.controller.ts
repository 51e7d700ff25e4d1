import { Body, Controller, Delete, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { CourseServiceClient } from '../../upstream/course-service.client';
import { relayFor } from '../../upstream/relay';
import { addCartItemBody, cartView, type AddCartItemBody } from './cart.schemas';

@ApiTags('cart')
@Controller('api/cart')
@Roles('learner')
export class CartController {
  constructor(@Inject(CourseServiceClient) private readonly courses: CourseServiceClient) {}

  @Get()
  @BearerRoute({
    summary: "The learner's cart at current prices",
    success: { status: 200, description: 'The cart', body: cartView },
    problems: [403],
  })
  async cart(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, { method: 'GET', path: '/cart' });
  }

  @Post('items')
  @BearerRoute({
    summary: 'Add a published course with seats left to the cart',
    requestBody: addCartItemBody,
    success: { status: 200, description: 'The cart', body: cartView },
    problems: [403, 404, 409, 422],
  })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(addCartItemBody)) body: AddCartItemBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'POST',
      path: '/cart/items',
      body,
    });
  }

  @Delete('items/:courseId')
  @BearerRoute({
    summary: 'Remove a course from the cart',
    success: { status: 200, description: 'The cart', body: cartView },
    problems: [403],
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId') courseId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'DELETE',
      path: `/cart/items/${encodeURIComponent(courseId)}`,
    });
  }
}
