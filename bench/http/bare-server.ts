/**
 * The cheapest server node:http allows, for measuring the load generator: it reads each
 * request and answers a tiny JSON, so the client side, not the server, is the limit.
 * Prints `READY <url>` when it listens.
 */
import { createServer } from 'node:http';

const ANSWER = JSON.stringify({ ok: true });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`READY http://127.0.0.1:${port}`);
});
