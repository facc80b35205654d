import { Link } from 'wouter';
import { formatTime, QueryView } from '../../app/ui';
import { useServices } from './queries';

/** The organisation's services, with the way to onboard another. */
export function ServicesList({ orgId, orgName }: { orgId: string; orgName: string }) {
  const services = useServices(orgId);
  return (
    <>
      <div className="page-heading">
        <h1>Delivery</h1>
        <Link href="/new" className="button">
          Onboard a service
        </Link>
      </div>
      <p className="muted">
        Services deliver fresh certificates or metadata to every node of {orgName}, before the old
        ones expire.
      </p>
      <QueryView
        query={services}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <p>
            No services yet. <Link href="/new">Onboard the first one</Link>.
          </p>
        }
      >
        {(page) => (
          <table>
            <caption className="visually-hidden">Services</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Kind</th>
                <th scope="col">Mode</th>
                <th scope="col">Nodes from</th>
                <th scope="col" className="number">
                  Lifetime
                </th>
                <th scope="col">Onboarded</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((service) => (
                <tr key={service.id}>
                  <td>
                    <Link href={`/services/${service.id}`}>{service.name}</Link>
                  </td>
                  <td>{service.kind}</td>
                  <td>{service.mode}</td>
                  <td>{service.node_source ? service.node_source.location : 'the API'}</td>
                  <td className="number">{service.lifetime_minutes} min</td>
                  <td>{formatTime(service.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}
