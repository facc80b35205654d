import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../../app/api';
import {
  asProblem,
  formatTime,
  fromNow,
  ProblemMessage,
  QueryView,
  TextField,
  useNow,
} from '../../app/ui';
import { expiryText, nodeCondition, StateBadge } from './present';
import { type DeliveryNode, keys, nodeReadLimit, type Service, useNodes } from './queries';

/** The service's nodes with their state, expiry countdown and last error; deliver to one now. */
export function NodesCard({ service }: { service: Service }) {
  const nodes = useNodes(service.id);
  const takesNodes = !service.node_source && service.mode === 'push';
  return (
    <section className="card" aria-labelledby="nodes-title">
      <h2 id="nodes-title">Nodes</h2>
      {takesNodes && <AddNode serviceId={service.id} />}
      <QueryView
        query={nodes}
        isEmpty={(loaded) => loaded.nodes.length === 0}
        empty={
          <p>
            {service.node_source
              ? 'The node source lists no nodes yet.'
              : service.mode === 'pull'
                ? 'No agent has joined yet.'
                : 'No nodes yet: add the first above.'}
          </p>
        }
      >
        {(loaded) => (
          <>
            <NodesTable serviceId={service.id} nodes={loaded.nodes} />
            {loaded.more && (
              <p className="muted">The first {nodeReadLimit} nodes are shown, by name.</p>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function NodesTable({ serviceId, nodes }: { serviceId: string; nodes: DeliveryNode[] }) {
  const now = useNow();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">Nodes of this service</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col" className="number">
              Version
            </th>
            <th scope="col">Expiry</th>
            <th scope="col">Next delivery</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <NodeRow key={node.name} serviceId={serviceId} node={node} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NodeRow({ serviceId, node, now }: { serviceId: string; node: DeliveryNode; now: number }) {
  const queryClient = useQueryClient();
  const deliver = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/delivery/services/{serviceId}/nodes/{name}/deliver', {
          params: { path: { serviceId, name: node.name } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.nodes(serviceId) }),
  });
  const condition = nodeCondition(node);
  return (
    <tr data-node={node.name}>
      <th scope="row">{node.name}</th>
      <td>
        <StateBadge {...condition} />
        {node.delivering && <span className="muted"> delivering…</span>}
      </td>
      <td className="number" title={`${node.delivered_version} sent`}>
        {node.current_version ?? '—'}
      </td>
      <td title={formatTime(node.expires_at)}>{expiryText(node.expires_at, now)}</td>
      <td title={formatTime(node.next_delivery_at)}>
        {node.next_delivery_at ? fromNow(node.next_delivery_at, now) : '—'}
      </td>
      <td className="last-error">
        {node.last_error ? (
          <>
            {node.last_error}
            {node.attempts > 0 && <span className="muted"> ({node.attempts} failed)</span>}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <button
          type="button"
          className="secondary"
          disabled={deliver.isPending}
          onClick={() => deliver.mutate()}
          aria-label={`Deliver now to ${node.name}`}
        >
          Deliver now
        </button>
        {deliver.isError && <ProblemMessage error={deliver.error} />}
      </td>
    </tr>
  );
}

function AddNode({ serviceId }: { serviceId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/delivery/services/{serviceId}/nodes', {
          params: { path: { serviceId } },
          body: { name: name.trim() },
        }),
      ),
    onSuccess: () => {
      setName('');
      return queryClient.invalidateQueries({ queryKey: keys.nodes(serviceId) });
    },
  });
  const problem = add.error ? asProblem(add.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="row" onSubmit={submit} noValidate>
      <TextField
        label="New node"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem?.fieldError('name')}
        autoComplete="off"
      />
      <button type="submit" className="field-button" disabled={add.isPending}>
        Add node
      </button>
      {problem && !problem.fieldError('name') && <ProblemMessage error={problem} />}
    </form>
  );
}
