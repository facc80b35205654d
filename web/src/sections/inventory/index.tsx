import { Link, Route, Switch } from 'wouter';
import { WithOrganisation } from '../../app/organisations';
import { Analytics } from './Analytics';
import { useInventoryLive } from './data';
import { ImportView } from './ImportView';
import { ItemPage } from './ItemPage';
import { Items } from './Items';
import { Orders } from './Orders';
import './inventory.css';

const views = [
  { href: '/', label: 'Items' },
  { href: '/orders', label: 'Orders' },
  { href: '/import', label: 'Import' },
  { href: '/analytics', label: 'Analytics' },
];

/** The inventory section: built in its own chunk, loaded when first opened. */
export default function Section() {
  return <WithOrganisation>{(org) => <Inventory key={org.id} orgId={org.id} />}</WithOrganisation>;
}

function Inventory({ orgId }: { orgId: string }) {
  useInventoryLive(orgId);
  return (
    <div className="inventory">
      <nav className="subnav" aria-label="Inventory">
        {views.map((view) => (
          <Link key={view.href} href={view.href} className={(active) => (active ? 'active' : '')}>
            {view.label}
          </Link>
        ))}
      </nav>
      <Switch>
        <Route path="/items/:itemId">
          {(params) => <ItemPage orgId={orgId} itemId={params.itemId} />}
        </Route>
        <Route path="/orders">
          <Orders orgId={orgId} />
        </Route>
        <Route path="/import">
          <ImportView orgId={orgId} />
        </Route>
        <Route path="/analytics">
          <Analytics orgId={orgId} />
        </Route>
        <Route path="/">
          <Items orgId={orgId} />
        </Route>
        <Route>
          <p role="alert">This inventory page does not exist.</p>
        </Route>
      </Switch>
    </div>
  );
}
