import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { parseInput, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { CourseServiceClient } from '../../upstream/course-service.client';
import { relayFor } from '../../upstream/relay';
import {
  idempotencyKey,
  listOrdersQuery,
  orderCancelled,
  orderList,
  orderPlaced,
  orderView,
  placeOrderBody,
  type ListOrdersQuery,
  type PlaceOrderBody,
} from './orders.schemas';

@ApiTags('orders')
@Controller('api/orders')
export class OrdersController {
  constructor(@Inject(CourseServiceClient) private readonly courses: CourseServiceClient) {}

  @Post()
  @Roles('learner')
  @BearerRoute({
    summary: 'Place an order from the cart; seats are held until it is paid or expires',
    requestBody: placeOrderBody,
    requestHeaders: {
      'idempotency-key': {
        description: 'Retrying with the same key answers the first order instead of placing another',
      },
    },
    success: { status: 201, description: 'Placed, awaiting payment', body: orderPlaced },
    problems: [403, 409, 422],
  })
  async place(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(placeOrderBody.optional())) body: PlaceOrderBody | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'POST',
      path: '/orders',
      body: body ?? {},
      headers: { 'idempotency-key': key === undefined ? undefined : parseInput(idempotencyKey, key) },
    });
  }

  @Get()
  @Roles('learner', 'admin')
  @BearerRoute({
    summary: "The learner's orders, newest first (an admin: everyone's)",
    query: listOrdersQuery,
    success: { status: 200, description: 'One page of orders', body: orderList },
    problems: [400, 403],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listOrdersQuery)) query: ListOrdersQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'GET',
      path: `/orders?${params}`,
    });
  }

  @Get(':id')
  @Roles('learner', 'admin')
  @BearerRoute({
    summary: 'One order with its lines and status history (own, or any for an admin)',
    success: { status: 200, description: 'The order', body: orderView },
    problems: [403, 404],
  })
  async one(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'GET',
      path: `/orders/${encodeURIComponent(id)}`,
    });
  }

  @Post(':id/cancel')
  @Roles('learner', 'admin')
  @BearerRoute({
    summary: 'Cancel an unpaid order; its seats are released',
    success: { status: 200, description: 'Cancelled', body: orderCancelled },
    problems: [403, 404, 409],
  })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'POST',
      path: `/orders/${encodeURIComponent(id)}/cancel`,
    });
  }
}
