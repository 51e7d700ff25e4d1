import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { METRICS } from '../app/tokens';
import { Public } from '../http/public-route';
import type { AppMetrics } from './app-metrics';

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: AppMetrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.metrics.render();
    await reply.type(this.metrics.contentType).send(body);
  }
}
