/**
 * Where an order's process stands. Unlike the order's status, a step can say that something is
 * under way (`screening`, `authorizing`, `cancelling`) while the order does not show it yet.
 */
export const orderProcessSteps = ['screening', 'awaiting_fraud_review', 'authorizing', 'awaiting_inventory', 'confirmed', 'cancelling', 'cancelled', 'completed'] as const;

export type OrderProcessStep = (typeof orderProcessSteps)[number];
