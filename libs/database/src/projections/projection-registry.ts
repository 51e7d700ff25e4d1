import type { Projection } from './projection';

/**
 * The projections a process knows, for tools that act on all of them (the rebuild CLI). Apps
 * register theirs when their projection module is imported.
 */
export class ProjectionRegistry {
  readonly #projections = new Map<string, Projection>();

  register(projection: Projection): void {
    const existing = this.#projections.get(projection.name);
    if (existing === projection) return;
    if (existing) throw new Error(`a different projection named ${projection.name} is already registered`);
    this.#projections.set(projection.name, projection);
  }

  list(): Projection[] {
    return [...this.#projections.values()];
  }

  find(name: string): Projection | undefined {
    return this.#projections.get(name);
  }
}

export const projectionRegistry = new ProjectionRegistry();

export function registerProjection(projection: Projection): void {
  projectionRegistry.register(projection);
}

export function listProjections(): Projection[] {
  return projectionRegistry.list();
}
