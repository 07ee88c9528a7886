/**
 * What the payment screens decide before they ask the server: which actions a request offers, who may
 * take them, and the amount a clerk typed in 元 as the integer fen the service takes. The server decides
 * again (the state machine, the permissions, the zod schemas): these only keep the page from offering a
 * button the server would refuse.
 */

/** The statuses of a payment request, as funding names them. */
export type PaymentStatus = 'applied' | 'approved' | 'rejected' | 'paid';
/** The county's decisions on a request. */
export type PaymentAction = 'approve' | 'reject' | 'pay';

/**
 * The actions each status offers, the funding service's state machine (`PAYMENT_TRANSITIONS`:
 * applied → approved → paid, or applied → rejected; paid and rejected are final) seen as buttons: the
 * purchaser reviews the operator's written application, then pays it [ZZ §5.5].
 */
export const PAYMENT_ACTIONS: Readonly<Record<PaymentStatus, readonly PaymentAction[]>> = {
  applied: ['approve', 'reject'],
  approved: ['pay'],
  rejected: [],
  paid: [],
};

/** The actions a request in `status` offers (none for a final one). */
export function paymentActions(status: PaymentStatus): readonly PaymentAction[] {
  return PAYMENT_ACTIONS[status];
}

/**
 * Whether a role decides on payments: `payments.decide` is the county's alone, as purchaser [ZZ §2, §5.5]
 * (`@shegong/access` PERMISSIONS); a province or city user reading the county console sees no buttons.
 */
export function mayDecidePayments(role: string | undefined): boolean {
  return role === 'county';
}

/** Whether a role records payment applications (`payments.apply`: the county and the operator). */
export function mayApplyForPayment(role: string | undefined): boolean {
  return role === 'county' || role === 'operator';
}

/** Why a typed amount is not one: the message key the form shows. */
export type YuanProblem = 'amount.format' | 'amount.positive' | 'amount.tooLarge';

/**
 * Reads an amount typed in 元 (`12,345.6`, `１２３`, ` 100 `) as integer fen, exactly: digits, an optional
 * point and at most two decimals, thousands separators allowed; no floating point on the way, so
 * 0.07 元 is 7 fen and not 7.000000000000001. Money is whole fen everywhere in the hub.
 * @example yuanToFen('1,234.56') // { fen: 123456 }
 * @example yuanToFen('1.234')    // { problem: 'amount.format' }
 */
export function yuanToFen(text: string): { fen: number } | { problem: YuanProblem } {
  const normal = text
    .trim()
    // Full-width digits and point, as a Chinese IME types them.
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(normal);
  if (!match) return { problem: 'amount.format' };
  const fen = BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (fen <= 0n) return { problem: 'amount.positive' };
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'amount.tooLarge' };
  return { fen: Number(fen) };
}

/** Today in China (UTC+8, no daylight saving): the default day of a decision. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A new request's id under the contract: `p-<contract>-<n>` after the highest number the contract's
 * requests already use, as the demo and the city systems number them; the clerk may change it.
 * @example nextPaymentId('c-1', ['p-c-1-1', 'p-c-1-3']) // 'p-c-1-4'
 */
export function nextPaymentId(contractId: string, ids: readonly string[]): string {
  const prefix = `p-${contractId}-`;
  let highest = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${highest + 1}`;
}
