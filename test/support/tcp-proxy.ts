import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A real TCP relay between a centre and its hub, standing for the centre's network link: it can
 * be cut (every connection dropped, new ones refused) and restored, and made slow.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  /** Added before each chunk is passed on, in milliseconds: a slow link. */
  delayMs = 0;

  private constructor(
    readonly port: number,
    private readonly target: number,
  ) {}

  static async start(target: number): Promise<TcpProxy> {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
    );
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new TcpProxy(port, target);
    await proxy.restore();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The link goes down: open connections break, new ones are refused. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The link comes back on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      this.relay(client, upstream);
      this.relay(upstream, client);
      client.on('close', () => upstream.destroy());
      // With the hub down, the connection ends once the request has come (as a link whose far end
      // is gone does): closed before the request is sent, Node's fetch never settles a GET.
      let connected = false;
      upstream.on('connect', () => (connected = true));
      upstream.on('close', () => {
        if (connected || client.readableLength > 0 || client.bytesRead > 0) client.destroy();
        else client.once('data', () => client.destroy()).setTimeout(2000, () => client.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  private relay(from: Socket, to: Socket): void {
    let chain = Promise.resolve();
    from.on('data', (chunk) => {
      const delay = this.delayMs;
      chain = chain.then(async () => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (!to.destroyed) to.write(chunk);
      });
    });
  }

  close(): Promise<void> {
    return this.cut();
  }
}
