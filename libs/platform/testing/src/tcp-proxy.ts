import { createServer, Server, Socket } from 'node:net';

/**
 * A TCP forwarder a test can break, to put a real network fault between a service and a real
 * server (PostgreSQL, say): `refuse()` closes every connection and refuses new ones (a host that
 * went away), `hang()` accepts connections and never answers (a black hole), `restore()` forwards
 * again on the same port.
 */
export class TcpProxy {
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  #mode: 'forward' | 'hang' = 'forward';

  private constructor(
    private readonly target: { host: string; port: number },
    private listeningPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0);
    await proxy.listen();
    return proxy;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  async refuse(): Promise<void> {
    this.cutAll();
    await this.close();
  }

  async hang(): Promise<void> {
    this.cutAll();
    this.#mode = 'hang';
    if (!this.#server) await this.listen();
  }

  async restore(): Promise<void> {
    this.#mode = 'forward';
    if (!this.#server) await this.listen();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await this.close();
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listeningPort, '127.0.0.1', () => {
        this.listeningPort = (server.address() as { port: number }).port;
        this.#server = server;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.#mode === 'hang') return;
    const upstream = new Socket();
    this.track(upstream);
    upstream.connect(this.target.port, this.target.host);
    client.pipe(upstream).pipe(client);
    // One side gone, the other goes too: the server sees its client leave, and the other way round.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  }

  private track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => this.#sockets.delete(socket));
  }

  private cutAll(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }

  private close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
