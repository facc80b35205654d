import { defineProblems } from '../platform/problems.ts';

/** Delivery's own problems, besides the platform's (`not-found`, `target-refused`, …). */
export const deliveryProblems = defineProblems({
  'invalid-service': {
    status: 422,
    title: 'The delivery service cannot be set up as given',
  },
  'invalid-csr': {
    status: 422,
    title: "The agent's certificate signing request is refused",
  },
  'node-not-listed': {
    status: 403,
    title: "The node is not on the service's node source",
  },
  'service-name-taken': {
    status: 409,
    title: 'The organisation already has a delivery service with this name',
  },
});

type DeliveryProblems = typeof deliveryProblems;

declare module '../platform/problems.ts' {
  interface ProblemNames extends DeliveryProblems {}
}
