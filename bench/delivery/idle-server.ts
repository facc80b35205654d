// The reference of bench/delivery-agents.ts: a bare node:http server that holds every request
// until its client goes away, as a long poll waits, keeping each response to answer later. What
// Node itself spends on an idle request (the socket, the parser, the request and the response),
// beside which Meridian's figure is read. `GET /healthz` answers at once. Argument: the port.
import http from 'node:http';

const held = new Set<http.ServerResponse>();

http
  .createServer((request, response) => {
    if (request.url === '/healthz') {
      response.end('ok');
      return;
    }
    held.add(response);
    response.once('close', () => held.delete(response));
  })
  .listen(Number(process.argv[2]), '127.0.0.1');
