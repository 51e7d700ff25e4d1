import { defineProjection, type Projection } from './projection';
import { ProjectionRegistry } from './projection-registry';

const projection = (name: string): Projection =>
  defineProjection({ name, tables: [], migrations: [], handle: async () => undefined });

describe('defining and registering projections', () => {
  it('rejects a name that cannot name its migration tables', () => {
    expect(() => projection('Course Search')).toThrow(/lower-case/);
  });

  it('rejects an empty category list, which would never receive an event', () => {
    expect(() =>
      defineProjection({
        name: 'x',
        categories: [],
        tables: [],
        migrations: [],
        handle: async () => undefined,
      }),
    ).toThrow(/never receive/);
  });

  it('lists registered projections in registration order and finds them by name', () => {
    const registry = new ProjectionRegistry();
    const a = projection('a');
    const b = projection('b');
    registry.register(a);
    registry.register(b);
    registry.register(a);
    expect(registry.list()).toEqual([a, b]);
    expect(registry.find('b')).toBe(b);
    expect(registry.find('c')).toBeUndefined();
  });

  it('refuses two different projections with one name, which would share a checkpoint', () => {
    const registry = new ProjectionRegistry();
    registry.register(projection('a'));
    expect(() => registry.register(projection('a'))).toThrow(/already registered/);
  });
});
