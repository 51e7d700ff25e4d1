import path from 'node:path';
import { registerProjection } from '@quizbook/database';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { defineCategoryCountsProjection } from '../../../libs/database/src/projections/testing/category-counts.projection';
import { startTestApp, type TestApps } from '../../../libs/testing/src/apps';
import { projectionApp } from './projection.app';

interface Report {
  status: string;
  checks: Record<string, { status: string; checkpoint?: string }>;
}

describe('the projection app', () => {
  let apps: TestApps;
  let writer: EventStore;

  beforeAll(async () => {
    registerProjection(defineCategoryCountsProjection());
    apps = await startTestApp(projectionApp);
    // A second handle on the same SQLite file, as another service (or process) appending would be.
    writer = await openEventStore(`sqlite:${path.join(apps.dir, 'events.db')}`);
  });

  afterAll(async () => {
    await writer?.close();
    await apps?.close();
  });

  async function ready(): Promise<Report> {
    return (await (await fetch(`${apps.url}/health/ready`)).json()) as Report;
  }

  it('runs every registered projection and reports each in readiness', async () => {
    const report = await ready();
    expect(report.status).toBe('ready');
    expect(report.checks['projection:example_category_counts']).toMatchObject({ status: 'up' });
  });

  it('applies new events, the readiness report showing the checkpoint move', async () => {
    const { position } = await writer.appendToStream('course-1', [{ type: 'CourseDrafted', data: {} }], {
      expectedRevision: 'no-stream',
    });
    let checkpoint: string | undefined;
    for (let i = 0; i < 200 && checkpoint !== String(position); i++) {
      checkpoint = (await ready()).checks['projection:example_category_counts']?.checkpoint;
      if (checkpoint !== String(position)) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(checkpoint).toBe(String(position));
  });
});
