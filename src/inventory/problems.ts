import { defineProblems } from '../platform/problems.ts';

/** Inventory's own problems, besides the platform's (`not-found`, `conflict`, …). */
export const inventoryProblems = defineProblems({
  'insufficient-stock': {
    status: 422,
    title: 'Not enough stock for this change',
  },
  'quantity-stale': {
    status: 409,
    title: 'The quantity changed since you read it (change_from_quantity)',
  },
  'sku-taken': { status: 409, title: 'The organisation already has an item with this SKU' },
  'bulk-rejected': {
    status: 422,
    title: 'Some rows failed, so none was written (error_policy reject_all)',
  },
  'order-state-conflict': {
    status: 409,
    title: 'The order is not in a state that allows this',
  },
});

type InventoryProblems = typeof inventoryProblems;

declare module '../platform/problems.ts' {
  interface ProblemNames extends InventoryProblems {}
}
