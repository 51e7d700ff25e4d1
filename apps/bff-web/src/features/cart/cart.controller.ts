import { Body, Controller, Delete, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { CourseServiceClient } from '../../upstream/course-service.client';
import { relay } from '../../upstream/relay';
import type { UpstreamCall } from '../../upstream/service-client';
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
    return this.relayed(reply, {
      method: 'GET',
      path: '/cart',
      token: principal.token,
      clientIp: request.ip,
    });
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
    return this.relayed(reply, {
      method: 'POST',
      path: '/cart/items',
      body,
      token: principal.token,
      clientIp: request.ip,
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
    return this.relayed(reply, {
      method: 'DELETE',
      path: `/cart/items/${encodeURIComponent(courseId)}`,
      token: principal.token,
      clientIp: request.ip,
    });
  }

  private async relayed(reply: FastifyReply, call: UpstreamCall) {
    return relay(reply, await this.courses.call(call));
  }
}
