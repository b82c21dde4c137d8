import { holdsOrderId, type Order } from './order.ts';

/** Every order charged since start (or the last reset), newest last. */
export type OrderBook = {
  add: (order: Order) => void;
  /** The latest order with this `order_id`, or the order with this `transaction_id`. */
  find: (id: string) => Order | undefined;
  /** Whether a pending or paid order holds this `order_id` (charging it again gives 406). */
  isOrderIdTaken: (orderId: string) => boolean;
  /** Whether a pending order holds this VA number or bill key. */
  isNumberInUse: (number: string) => boolean;
  /** Pending orders whose expiry time is not after `now`. */
  dueForExpiry: (now: number) => Order[];
  all: () => Order[];
  clear: () => void;
};

function numberOf(order: Order): string | null {
  if (order.instrument.paymentType === 'bank_transfer') return order.instrument.vaNumber;
  if (order.instrument.paymentType === 'echannel') return order.instrument.billKey;
  return null;
}

export function createOrderBook(): OrderBook {
  const orders: Order[] = [];
  const latest = (orderId: string) => orders.findLast((order) => order.orderId === orderId);
  return {
    add: (order) => {
      orders.push(order);
    },
    find: (id) => latest(id) ?? orders.find((order) => order.transactionId === id),
    isOrderIdTaken: (orderId) => {
      const order = latest(orderId);
      return order !== undefined && holdsOrderId(order);
    },
    isNumberInUse: (number) =>
      orders.some((order) => order.status === 'pending' && numberOf(order) === number),
    dueForExpiry: (now) =>
      orders.filter((order) => order.status === 'pending' && order.expiryTime <= now),
    all: () => [...orders],
    clear: () => {
      orders.length = 0;
    },
  };
}
