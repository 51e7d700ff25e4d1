import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { READINESS } from '../app/tokens';
import { Public } from '../http/public-route';
import type { Readiness, ReadinessReport } from './readiness';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS) private readonly readiness: Readiness) {}

  /** 200 while the process can answer at all: restart it when this fails. */
  @Get('live')
  live(): { status: 'live'; app: string } {
    return { status: 'live', app: this.readiness.app };
  }

  /** 200 when every dependency answers; 503 otherwise or while shutting down: route no traffic here. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    reply.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
