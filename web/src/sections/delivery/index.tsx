import { Route, Switch } from 'wouter';
import { WithOrganisation } from '../../app/organisations';
import { Onboarding } from './Onboarding';
import { ServicePage } from './ServicePage';
import { ServicesList } from './ServicesList';
import './delivery.css';

/** The delivery section: the organisation's services, onboarding, and each service's nodes. */
export default function Section() {
  return (
    <WithOrganisation>
      {(org) => (
        <Switch>
          <Route path="/new">
            <Onboarding orgId={org.id} />
          </Route>
          <Route path="/services/:serviceId">
            {(params) => <ServicePage key={params.serviceId} serviceId={params.serviceId} />}
          </Route>
          <Route>
            <ServicesList orgId={org.id} orgName={org.name} />
          </Route>
        </Switch>
      )}
    </WithOrganisation>
  );
}
