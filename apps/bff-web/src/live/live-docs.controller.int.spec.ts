import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemExceptionFilter } from '@quizbook/platform';
import pino from 'pino';
import { buildOpenApiDocument } from '../edge/openapi/serve-openapi';
import { LiveDocsController } from './live-docs.controller';

@Module({ controllers: [LiveDocsController] })
class LiveDocsOnly {}

describe('GET /api/live in the API document', () => {
  let nest: NestFastifyApplication;

  beforeAll(async () => {
    nest = await NestFactory.create<NestFastifyApplication>(LiveDocsOnly, new FastifyAdapter(), {
      logger: false,
    });
    nest.useGlobalFilters(new ProblemExceptionFilter(pino({ level: 'silent' })));
    await nest.init();
    await nest.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => nest?.close());

  it('is documented with its 101, its refusals and the resume parameter', () => {
    const operation = buildOpenApiDocument(nest).paths['/api/live']?.get;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      expect.arrayContaining(['101', '400', '401', '426']),
    );
    expect(operation?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'after', in: 'query', required: false })]),
    );
  });

  it('tells a plain GET to upgrade, as a 426 problem', async () => {
    const response = await nest.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/live' });
    expect(response.statusCode).toBe(426);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 426, type: 'urn:quizbook:problem:upgrade-required' });
  });
});
