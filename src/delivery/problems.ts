import { defineProblems } from '../platform/problems.ts';

/** Delivery's own problems, besides the platform's (`not-found`, `target-refused`, …). */
export const deliveryProblems = defineProblems({
  'invalid-service': {
    status: 422,
    title: 'The delivery service cannot be set up as given',
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
