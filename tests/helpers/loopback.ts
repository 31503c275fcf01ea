import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listen on 127.0.0.1 and a free port; `close` also ends kept-alive connections, so a test never hangs on it. */
export async function listenLoopback(server: Server): Promise<{ base: string; close: () => Promise<void> }> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
