import { ResourceRegistry } from './resource-registry';

function fakeResource() {
  return {
    closed: 0,
    async close() {
      this.closed += 1;
    },
  };
}

describe('the resource registry', () => {
  it('opens one resource per key, even for concurrent first uses', async () => {
    const registry = new ResourceRegistry();
    let opened = 0;
    const open = async () => {
      opened += 1;
      return fakeResource();
    };
    const [a, b] = await Promise.all([
      registry.acquire('bus memory:', open),
      registry.acquire('bus memory:', open),
    ]);
    expect(opened).toBe(1);
    expect(a.resource).toBe(b.resource);
  });

  it('closes the resource when the last user releases it, once', async () => {
    const registry = new ResourceRegistry();
    const resource = fakeResource();
    const a = await registry.acquire('k', async () => resource);
    const b = await registry.acquire('k', async () => resource);
    await a.release();
    await a.release();
    expect(resource.closed).toBe(0);
    await b.release();
    expect(resource.closed).toBe(1);
    expect(registry.keys()).toEqual([]);
  });

  it('opens afresh after the last release', async () => {
    const registry = new ResourceRegistry();
    const first = await registry.acquire('k', async () => fakeResource());
    await first.release();
    const second = await registry.acquire('k', async () => fakeResource());
    expect(second.resource).not.toBe(first.resource);
  });

  it('lets a later attempt retry a key whose open failed', async () => {
    const registry = new ResourceRegistry();
    await expect(registry.acquire('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const lease = await registry.acquire('k', async () => fakeResource());
    expect(lease.resource.closed).toBe(0);
  });

  it('keeps registries apart', async () => {
    const [one, two] = [new ResourceRegistry(), new ResourceRegistry()];
    const a = await one.acquire('bus memory:', async () => fakeResource());
    const b = await two.acquire('bus memory:', async () => fakeResource());
    expect(a.resource).not.toBe(b.resource);
  });
});
