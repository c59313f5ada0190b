import { stamp } from '../stamp';
import { aShipment } from '../testing';
import { Shipment } from './shipment';
import { ShipmentStatus } from './shipment-status';

describe('Shipment', () => {
  it('is created for an order with its lines, in status created', () => {
    const shipment = aShipment().withId('s-1').forOrder('o-1').withLines({ sku: 'MUG-BLUE', quantity: 2 }).createdAt(new Date('2026-11-21T10:00:00Z')).build();

    expect(shipment.snapshot()).toEqual({
      id: 's-1',
      orderId: 'o-1',
      status: 'created',
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
      createdAt: new Date('2026-11-21T10:00:00Z'),
      releasedAt: null,
      picked: null,
      packed: null,
      dispatched: null,
      delivered: null,
      cancelledAt: null,
    });
    expect(shipment.version).toBe(0);
  });

  it('records ShipmentCreated with the lines and the creation time', () => {
    const shipment = aShipment().withId('s-1').forOrder('o-1').createdAt(new Date('2026-11-21T10:00:00Z')).build();

    expect(shipment.pendingEvents).toEqual([
      {
        type: 'ShipmentCreated',
        shipmentId: 's-1',
        orderId: 'o-1',
        lines: shipment.lines,
        occurredAt: new Date('2026-11-21T10:00:00Z'),
      },
    ]);
  });

  it('cannot be created without lines', () => {
    expect(() => aShipment().withLines().build()).toThrow(expect.objectContaining({ code: 'shipment_has_no_lines' }));
  });

  it.each([
    ['a zero quantity', { sku: 'MUG-BLUE', quantity: 0 }],
    ['a fractional quantity', { sku: 'MUG-BLUE', quantity: 1.5 }],
    ['a blank SKU', { sku: ' ', quantity: 1 }],
  ])('rejects a line with %s', (_case, line) => {
    expect(() => aShipment().withLines(line).build()).toThrow(expect.objectContaining({ code: 'shipment_line_invalid' }));
  });

  it('rejects the same SKU on two lines', () => {
    const build = () => aShipment().withLines({ sku: 'MUG-BLUE', quantity: 1 }, { sku: 'MUG-BLUE', quantity: 2 }).build();
    expect(build).toThrow(expect.objectContaining({ code: 'shipment_sku_repeated' }));
  });

  it('keeps its lines fixed: the caller cannot change them afterwards', () => {
    const lines = [{ sku: 'MUG-BLUE', quantity: 2 }];
    const shipment = aShipment()
      .withLines(...lines)
      .build();
    lines[0]!.quantity = 99;

    expect(shipment.lines).toEqual([{ sku: 'MUG-BLUE', quantity: 2 }]);
    expect(Object.isFrozen(shipment.lines[0])).toBe(true);
  });

  it('is restored from storage at its version, recording nothing', () => {
    const original = aShipment().build();
    const restored = Shipment.restore(original.snapshot(), 3);

    expect(restored.snapshot()).toEqual(original.snapshot());
    expect(restored.version).toBe(3);
    expect(restored.pendingEvents).toEqual([]);
  });

  describe('released to the warehouse when its order is confirmed', () => {
    const at = new Date('2026-11-21T10:05:00Z');

    it('cannot be picked before: the warehouse waits for the confirmation (order_not_confirmed)', () => {
      const shipment = aShipment().awaitingRelease().stored('created');

      expect(() => shipment.pick(stamp(at, 'warehouse-7'))).toThrow(expect.objectContaining({ code: 'order_not_confirmed', kind: 'conflict' }));
      expect(shipment.snapshot()).toMatchObject({ status: 'created', picked: null });
      expect(shipment.pendingEvents).toEqual([]);
    });

    it('records when it was released and ShipmentReleased, after which it can be picked', () => {
      const shipment = aShipment().withId('s-1').forOrder('o-1').build();

      expect(shipment.release(at)).toBe(true);
      shipment.pick(stamp(new Date('2026-11-21T10:06:00Z'), 'warehouse-7'));

      expect(shipment.snapshot()).toMatchObject({ status: 'picked', releasedAt: at });
      expect(shipment.pendingEvents.map((event) => event.type)).toEqual(['ShipmentCreated', 'ShipmentReleased', 'ShipmentPicked']);
      expect(shipment.pendingEvents[1]).toEqual({ type: 'ShipmentReleased', shipmentId: 's-1', orderId: 'o-1', occurredAt: at });
    });

    it('is released once: a second confirmation changes nothing', () => {
      const shipment = aShipment().stored('created');
      const before = shipment.snapshot();

      expect(shipment.release(at)).toBe(false);
      expect(shipment.snapshot()).toBe(before);
      expect(shipment.pendingEvents).toEqual([]);
    });

    it('stays cancelled: a confirmation after the cancellation is refused (shipment_cancelled)', () => {
      const shipment = aShipment().awaitingRelease().stored('cancelled');

      expect(() => shipment.release(at)).toThrow(expect.objectContaining({ code: 'shipment_cancelled', kind: 'conflict' }));
      expect(shipment.snapshot()).toMatchObject({ status: 'cancelled', releasedAt: null });
    });

    it('can be cancelled before it is released', () => {
      const shipment = aShipment().awaitingRelease().stored('created');

      shipment.cancel(at);

      expect(shipment.status).toBe('cancelled');
    });
  });

  describe('cancelled before dispatch', () => {
    const at = new Date('2026-11-21T11:00:00Z');

    it.each(['created', 'picked', 'packed'] as const)('moves from %s to cancelled and records ShipmentCancelled', (status) => {
      const shipment = aShipment().withId('s-1').forOrder('o-1').stored(status);

      shipment.cancel(at);

      expect(shipment.status).toBe('cancelled');
      expect(shipment.pendingEvents).toEqual([{ type: 'ShipmentCancelled', shipmentId: 's-1', orderId: 'o-1', occurredAt: at }]);
    });

    it('keeps its lines, creation time and steps taken, and records when it was cancelled', () => {
      const shipment = aShipment().stored('packed');
      const { lines, createdAt, picked, packed } = shipment.snapshot();

      shipment.cancel(at);

      expect(shipment.snapshot()).toMatchObject({ lines, createdAt, picked, packed, status: 'cancelled', cancelledAt: at });
    });

    it.each(['dispatched', 'delivered'] as const)('is refused once %s, changing nothing', (status) => {
      const shipment = aShipment().stored(status);

      expect(() => shipment.cancel(at)).toThrow(expect.objectContaining({ code: 'shipment_already_dispatched', kind: 'conflict' }));
      expect(shipment.status).toBe(status);
      expect(shipment.pendingEvents).toEqual([]);
    });

    it('is refused when the shipment is already cancelled', () => {
      const shipment = aShipment().stored('cancelled');

      expect(() => shipment.cancel(at)).toThrow(expect.objectContaining({ code: 'shipment_already_cancelled', kind: 'conflict' }));
      expect(shipment.pendingEvents).toEqual([]);
    });
  });

  describe('through the warehouse', () => {
    const parcel = { carrier: 'DHL', trackingNumber: 'JD014600006281234567' };
    const by = (minute: number) => stamp(new Date(`2026-11-21T12:0${minute}:00.000Z`), 'warehouse-7');

    it('is picked, packed, dispatched and delivered, each step with who and when, recording one event each', () => {
      const shipment = aShipment().withId('s-1').forOrder('o-1').stored('created');

      shipment.pick(by(1));
      shipment.pack(by(2));
      shipment.dispatch(parcel, by(3));
      shipment.deliver(by(4));

      expect(shipment.snapshot()).toMatchObject({
        status: 'delivered',
        picked: by(1),
        packed: by(2),
        dispatched: { ...by(3), ...parcel },
        delivered: by(4),
        cancelledAt: null,
      });
      const about = { shipmentId: 's-1', orderId: 'o-1', by: 'warehouse-7' };
      expect(shipment.pendingEvents).toEqual([
        { type: 'ShipmentPicked', ...about, occurredAt: by(1).at },
        { type: 'ShipmentPacked', ...about, occurredAt: by(2).at },
        { type: 'ShipmentDispatched', ...about, occurredAt: by(3).at, ...parcel },
        { type: 'ShipmentDelivered', ...about, occurredAt: by(4).at },
      ]);
    });

    it('records a step whose author is not known with no one', () => {
      const shipment = aShipment().stored('created');

      const at = new Date('2026-11-21T12:00:00.000Z');

      shipment.pick(stamp(at));

      expect(shipment.snapshot().picked).toEqual({ at, by: null });
      expect(shipment.pendingEvents).toEqual([expect.objectContaining({ type: 'ShipmentPicked', by: null })]);
    });

    const steps = {
      picked: (s: Shipment) => s.pick(by(1)),
      packed: (s: Shipment) => s.pack(by(1)),
      dispatched: (s: Shipment) => s.dispatch(parcel, by(1)),
      delivered: (s: Shipment) => s.deliver(by(1)),
    };

    it.each([
      ['packed', 'created'],
      ['dispatched', 'created'],
      ['delivered', 'created'],
      ['dispatched', 'picked'],
      ['delivered', 'picked'],
      ['delivered', 'packed'],
    ] as const)('refuses to be %s while %s: a step cannot be skipped', (step, status) => {
      const shipment = aShipment().stored(status);

      expect(() => steps[step](shipment)).toThrow(expect.objectContaining({ code: 'shipment_step_skipped', kind: 'conflict' }));
      expect(shipment.status).toBe(status);
      expect(shipment.pendingEvents).toEqual([]);
    });

    it.each([
      ['picked', 'picked'],
      ['picked', 'delivered'],
      ['packed', 'packed'],
      ['packed', 'dispatched'],
      ['dispatched', 'dispatched'],
      ['delivered', 'delivered'],
    ] as const)('refuses to be %s again once %s: each step happens once', (step, status) => {
      const shipment = aShipment().stored(status);
      const before = shipment.snapshot();

      expect(() => steps[step](shipment)).toThrow(expect.objectContaining({ code: 'shipment_step_already_done', kind: 'conflict' }));
      expect(shipment.snapshot()).toBe(before);
      expect(shipment.pendingEvents).toEqual([]);
    });

    it.each(Object.keys(steps) as (keyof typeof steps)[])('refuses to be %s once cancelled', (step) => {
      const shipment = aShipment().stored('cancelled');

      expect(() => steps[step](shipment)).toThrow(expect.objectContaining({ code: 'shipment_cancelled', kind: 'conflict' }));
      expect(shipment.status).toBe<ShipmentStatus>('cancelled');
    });

    it.each([
      ['no carrier', { carrier: ' ', trackingNumber: 'JD1' }],
      ['no tracking number', { carrier: 'DHL', trackingNumber: '' }],
    ])('refuses a dispatch with %s', (_case, details) => {
      const shipment = aShipment().stored('packed');

      expect(() => shipment.dispatch(details, by(1))).toThrow(expect.objectContaining({ code: 'dispatch_details_invalid', kind: 'invalid' }));
      expect(shipment.status).toBe('packed');
    });

    it('keeps the carrier and tracking number without surrounding blanks', () => {
      const shipment = aShipment().stored('packed');

      shipment.dispatch({ carrier: ' DHL ', trackingNumber: ' JD1 ' }, by(1));

      expect(shipment.snapshot().dispatched).toMatchObject({ carrier: 'DHL', trackingNumber: 'JD1' });
    });
  });
});
