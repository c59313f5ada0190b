import { Money, money } from '@bazaar/shared-kernel';
import { PlanUnknown, PlanCatalogueInvalid } from './subscription-errors';

/** A plan a seller may subscribe to, and its price per period. */
export interface Plan {
  readonly code: string;
  readonly price: Money;
}

/**
 * The plans on offer. Prices come from configuration, so the catalogue is built once at start-up
 * and checked then: a plan code is lower-case words, a price is integer minor units.
 */
export class PlanCatalogue {
  readonly #plans: ReadonlyMap<string, Plan>;

  constructor(plans: readonly Plan[]) {
    if (plans.length === 0) throw new PlanCatalogueInvalid('no plans');
    const byCode = new Map<string, Plan>();
    for (const plan of plans) {
      if (!/^[a-z][a-z0-9-]*$/.test(plan.code)) throw new PlanCatalogueInvalid(`plan code ${JSON.stringify(plan.code)}`);
      if (byCode.has(plan.code)) throw new PlanCatalogueInvalid(`plan ${plan.code} twice`);
      if (plan.price.amount <= 0) throw new PlanCatalogueInvalid(`plan ${plan.code} costs nothing`);
      byCode.set(plan.code, Object.freeze({ code: plan.code, price: money(plan.price.amount, plan.price.currency) }));
    }
    this.#plans = byCode;
  }

  /** The plan of this code, or PlanUnknown. */
  plan(code: string): Plan {
    const plan = this.#plans.get(code);
    if (!plan) throw new PlanUnknown(code, [...this.#plans.keys()]);
    return plan;
  }

  get plans(): readonly Plan[] {
    return [...this.#plans.values()];
  }
}
