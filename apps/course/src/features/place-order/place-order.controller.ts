import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { parseInput, ProblemError, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { idempotencyKeySchema, placeOrderBody, type PlaceOrderBody } from './place-order.dto';
import { placeOrder } from './place-order';

@Controller('orders')
export class PlaceOrderController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** 201 {orderId, status} once every seat is held; a 409 problem naming the course that refused. */
  @Roles('learner')
  @Post()
  place(
    @CurrentPrincipal() caller: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodValidationPipe(placeOrderBody)) body: PlaceOrderBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const key = idempotencyKey === undefined ? undefined : parseInput(idempotencyKeySchema, idempotencyKey);
      const response = await placeOrder(this.services, caller.userId, body, key);
      if (response.status >= 400) throw problemFrom(response.status, response.body);
      reply.status(response.status);
      if (key !== undefined) reply.header('idempotency-key', key);
      return response.body;
    });
  }
}

function problemFrom(status: number, body: Record<string, unknown>): ProblemError {
  const { type, title, detail, status: _status, errors, instance: _instance, ...extensions } = body;
  return new ProblemError({
    status,
    type: String(type),
    title: String(title),
    detail: String(detail),
    ...(Array.isArray(errors) ? { errors } : {}),
    extensions,
  });
}
