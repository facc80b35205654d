// The peer in bench/http.ts: the least a Fastify server can do, so the ratio to it is what
// Meridian's stack costs. Listens on 127.0.0.1:$PORT.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT ?? 3001), host: '127.0.0.1' });
