// The node simulator (test/node-simulator.ts) as a process of its own, so that the delivery
// benchmarks read its CPU apart from Meridian's. Run: `node bench/delivery/simulator-process.ts
// '<options JSON>'` with { port, authority: { meridianUrl, orgId, token }, behaviours? }, where
// each of `behaviours` ({ fraction, behaviour, salt? }) is how a fraction of the nodes answer
// (`setFraction`); it serves until SIGTERM. The benchmarks follow it by `GET /summary` and read
// every node's record at the end by `GET /nodes`.
import {
  type NodeBehaviour,
  type NodeSimulatorOptions,
  startNodeSimulator,
} from '../../test/node-simulator.ts';

export interface SimulatorProcessOptions extends NodeSimulatorOptions {
  behaviours?: Array<{ fraction: number; behaviour: NodeBehaviour; salt?: string }>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorProcessOptions;
const simulator = await startNodeSimulator(options);
for (const rule of options.behaviours ?? []) {
  simulator.setFraction(rule.fraction, rule.behaviour, rule.salt);
}
process.stderr.write(`node simulator on ${simulator.url}\n`);
process.once('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
