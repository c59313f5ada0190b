import { Shipment } from './shipment';
import { aShipment } from '../testing/shipment.builder';

describe('Shipment', () => {
  it('is created for an order with its lines, in status created', () => {
    const shipment = aShipment()
      .withId('s-1')
      .forOrder('o-1')
      .withLines({ sku: 'MUG-BLUE', quantity: 2 })
      .createdAt(new Date('2026-11-21T10:00:00Z'))
      .build();

    expect(shipment.snapshot()).toEqual({
      id: 's-1',
      orderId: 'o-1',
      status: 'created',
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
      createdAt: new Date('2026-11-21T10:00:00Z'),
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
    const shipment = aShipment().withLines(...lines).build();
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

  describe('cancelled before dispatch', () => {
    const at = new Date('2026-11-21T11:00:00Z');

    it.each(['created', 'picked', 'packed'] as const)('moves from %s to cancelled and records ShipmentCancelled', (status) => {
      const shipment = aShipment().withId('s-1').forOrder('o-1').stored(status);

      shipment.cancel(at);

      expect(shipment.status).toBe('cancelled');
      expect(shipment.pendingEvents).toEqual([{ type: 'ShipmentCancelled', shipmentId: 's-1', orderId: 'o-1', occurredAt: at }]);
    });

    it('keeps its lines and creation time', () => {
      const shipment = aShipment().stored();
      const { lines, createdAt } = shipment.snapshot();

      shipment.cancel(at);

      expect(shipment.snapshot()).toMatchObject({ lines, createdAt, status: 'cancelled' });
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
});
