/** The inbox consumer name of the case order view projection; a rebuild clears its marks. */
export const caseOrderViewsConsumer = 'support.case-order-views';
