import { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { aLargeOrderRequest, placeOrder, waitForStatus } from './support/checkout';
import { RunningConsole, startConsole } from './support/console';
import { fullyProjected } from './support/downstream';
import { plentyOfStock } from './support/orders';
import { System } from './support/system';
import { stock, stockLevel } from './support/warehouse';

/**
 * The back-office console in a real browser (Debian's chromium), on the four built services and the
 * built console server: what a support agent, a risk analyst and warehouse staff do there.
 */
describe('The back-office console, in a browser', () => {
  let system: System;
  let backOffice: RunningConsole;
  let browser: Browser;

  beforeAll(async () => {
    system = await System.start();
    await stock(system, { ...plentyOfStock, RING: 10 });
    backOffice = await startConsole(system);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await backOffice?.stop();
    await system?.stop();
  });

  /** A tab of its own: sessionStorage (the sign-in) is per tab. */
  const newTab = async (): Promise<Page> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };

  it('follows an order from placement to completion without a reload, while the warehouse works its shipment in another tab', async () => {
    const orderId = await placeOrder(system);
    const agent = await newTab();
    await signIn(agent, backOffice.url, 'admin');
    await agent.getByLabel('Order id or buyer id').fill(orderId);
    await agent.getByRole('button', { name: 'Find' }).click();
    await agent.getByTestId('order-status').filter({ hasText: 'confirmed' }).waitFor();
    await agent.getByTestId('shipment-status').filter({ hasText: 'created' }).waitFor();
    const before = await stockLevel(system, 'MUG-BLUE');

    const warehouse = await newTab();
    await signIn(warehouse, backOffice.url, 'warehouse');
    await warehouse.getByLabel('Order id').fill(orderId);
    await warehouse.getByRole('button', { name: 'Show shipments' }).click();
    await warehouse.getByTestId('shipment-status').filter({ hasText: 'created' }).waitFor();
    await screenshot(warehouse, 'console-warehouse-shipment');
    await warehouse.getByRole('button', { name: 'Mark picked' }).click();
    await warehouse.getByTestId('shipment-status').filter({ hasText: 'picked' }).waitFor();
    await warehouse.getByRole('button', { name: 'Mark packed' }).click();
    await warehouse.getByTestId('shipment-status').filter({ hasText: 'packed' }).waitFor();
    await warehouse.getByLabel('Carrier').fill('DHL');
    await warehouse.getByLabel('Tracking number').fill('JD0146000099');
    await warehouse.getByRole('button', { name: 'Dispatch' }).click();
    await warehouse.getByTestId('shipment-status').filter({ hasText: 'dispatched' }).waitFor();

    await agent.getByTestId('order-status').filter({ hasText: 'completed' }).waitFor();
    await agent.getByTestId('tracking-number').filter({ hasText: 'JD0146000099' }).waitFor();
    await agent.getByTestId('shipment-status').filter({ hasText: 'dispatched' }).waitFor();
    const timeline = await agent.getByTestId('timeline').locator('tbody tr').allInnerTexts();
    expect(timeline.map((row) => row.split('\t').slice(1).join(' '))).toEqual(
      expect.arrayContaining([
        'checkout cart checked out',
        'checkout payment authorized',
        'fulfillment inventory reserved',
        'checkout order confirmed',
        'fulfillment shipment created',
        'finance revenue deferred',
        'fulfillment shipment picked',
        'fulfillment shipment packed',
        'fulfillment shipment dispatched',
        'checkout order completed',
      ]),
    );
    await screenshot(agent, 'console-order-completed');
    expect(await stockLevel(system, 'MUG-BLUE')).toEqual({ ...before, onHand: before.onHand - 2, reserved: before.reserved - 2 });
  });

  it('opens a case from an order, comments, resolves and reopens it, as a support agent', async () => {
    const orderId = await placeOrder(system);
    await fullyProjected(system, orderId);
    const agent = await newTab();
    await signIn(agent, backOffice.url, 'support');
    await agent.goto(`${backOffice.url}/#/orders/${orderId}`);

    await agent.getByLabel('Subject').fill('Parcel not arrived');
    await agent.getByLabel('Description').fill('The buyer called: nothing arrived.');
    await agent.getByRole('button', { name: 'Open case' }).click();
    await agent.getByTestId('case-status').filter({ hasText: 'open' }).waitFor();

    await agent.getByRole('textbox', { name: 'Comment' }).fill('Asked the carrier for proof of delivery.');
    await agent.getByRole('button', { name: 'Add comment' }).click();
    await agent.getByTestId('case-history').filter({ hasText: 'Asked the carrier for proof of delivery.' }).waitFor();
    await agent.getByRole('textbox', { name: 'Resolution' }).fill('Delivered to a neighbour.');
    await agent.getByRole('button', { name: 'Resolve case' }).click();
    await agent.getByTestId('case-status').filter({ hasText: 'resolved' }).waitFor();
    expect(await agent.getByRole('textbox', { name: 'Comment' }).count()).toBe(0);
    await agent.getByRole('button', { name: 'Reopen case' }).click();
    await agent.getByTestId('case-status').filter({ hasText: 'open' }).waitFor();

    const history = await agent.getByTestId('case-history').locator('li').allInnerTexts();
    expect(history.map((entry) => entry.split(' by ')[0])).toEqual(['comment', 'resolution', 'reopening']);
    await screenshot(agent, 'console-case-reopened');
    await agent.getByRole('link', { name: orderId }).click();
    await agent.getByRole('link', { name: 'Parcel not arrived' }).waitFor();
  });

  it('approves an order held for fraud review, with a reason, as a risk analyst', async () => {
    const orderId = await placeOrder(system, aLargeOrderRequest());
    await waitForStatus(system, orderId, 'awaiting_fraud_review', 'awaiting_fraud_review');
    const analyst = await newTab();
    await signIn(analyst, backOffice.url, 'risk-analyst');
    await analyst.getByRole('link', { name: 'Fraud reviews' }).click();

    const review = analyst.getByRole('region', { name: `Order ${orderId}` });
    await review.getByLabel('Reason').fill('Known buyer, verified by phone.');
    await screenshot(analyst, 'console-fraud-queue');
    await review.getByRole('button', { name: 'Approve' }).click();

    await review.waitFor({ state: 'detached' });
    await waitForStatus(system, orderId, 'confirmed', 'confirmed');
  });
});
