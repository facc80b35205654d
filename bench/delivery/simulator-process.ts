// The node simulator (test/node-simulator.ts) as a process of its own, so that the delivery
// benchmark reads its CPU apart from Meridian's. Run: `node bench/delivery/simulator-process.ts
// '<options JSON>'` with { port, authority: { meridianUrl, orgId, token } }; it serves until
// SIGTERM. The benchmark follows it by `GET /summary`.
import { type NodeSimulatorOptions, startNodeSimulator } from '../../test/node-simulator.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as NodeSimulatorOptions;
const simulator = await startNodeSimulator(options);
process.stderr.write(`node simulator on ${simulator.url}\n`);
process.once('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
