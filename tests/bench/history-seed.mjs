// Seeds payments for the histories bench (history-filters.mjs): 90% for the measured account
// over 20 links, 10% for another over 2, in one SQL statement each. Values are pseudo-random
// but the same every run (hashtext of the row number): ten methods, 10,000–5,000,000 rupiah,
// created over one year in id order; 10% pending, 20% paid, 50% settled, 15% expired, 5%
// cancelled; paid within the hour, settled a day later.
import { sql } from 'drizzle-orm';

const METHODS = [
  'QRIS',
  'VA_BCA',
  'VA_BNI',
  'VA_BRI',
  'VA_MANDIRI',
  'VA_PERMATA',
  'VA_CIMB',
  'VA_DANAMON',
  'VA_MAYBANK',
  'VA_BSI',
];

async function insertAccount(db, id) {
  const now = new Date('2025-01-01T00:00:00Z').toISOString();
  await db.execute(sql`insert into accounts
    (id, name, api_key_hash, client_id, client_secret_sealed, webhook_secret_sealed, created_at, updated_at)
    values (${id}, ${id}, ${`hash-${id}`}, ${`client-${id}`}, 'x', 'x', ${now}, ${now})`);
}

async function insertLinks(db, account, links) {
  const result = await db.execute(sql`insert into payment_links
    (account_id, reff_no, public_id, title, required_customer_detail, max_usage, total_amount,
     created_at, updated_at)
    select ${account}, ${account}::text || '-' || n, ${account}::text || '-PL-' || n, 'Bench link ' || n,
      false, 1000000, 20000, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
    from generate_series(1, ${links}) as n
    returning id`);
  return result.rows.map((row) => Number(row.id));
}

async function insertPayments(db, account, linkIds, payments, vaPrefix) {
  const methods = `{${METHODS.join(',')}}`;
  const links = `{${linkIds.join(',')}}`;
  await db.execute(sql`
    with g as (
      select i,
        'PY' || upper(substr(md5(${account}::text || i), 1, 18)) as reff,
        (${methods}::text[])[1 + (hashtext(i || 'm') & 2147483647) % 10] as code,
        (hashtext(i || 's') & 2147483647) % 100 as roll,
        10000 + ((hashtext(i || 'a') & 2147483647) % 4991) * 1000 as amount,
        timestamptz '2025-01-15T00:00:00Z' + (i * interval '1 year' / ${payments}) as created,
        ((hashtext(i || 'p') & 2147483647) % 3600) * interval '1 second' as pay_after,
        (${links}::int[])[1 + i % ${linkIds.length}] as link
      from generate_series(1, ${payments}) as i
    ), s as (
      select *, case when roll < 10 then 'pending' when roll < 30 then 'paid'
        when roll < 80 then 'settled' when roll < 95 then 'expired' else 'cancelled' end as status
      from g
    )
    insert into payments (reff_no, link_id, account_id, method_code, method_value, amount, status,
      expires_at, paid_at, settled_at, ended_at, created_at, updated_at)
    select reff, link, ${account}, code,
      case when code = 'QRIS' then reff else ${vaPrefix}::text || lpad(i::text, 12, '0') end,
      amount, status, created + interval '1 day',
      case when status in ('paid', 'settled') then created + pay_after end,
      case when status = 'settled' then created + pay_after + interval '1 day' end,
      case when status in ('expired', 'cancelled') then created + interval '1 day' end,
      created, created
    from s`);
}

/** Seeds and answers one payment of the measured account from the middle, to search for. */
export async function seedPayments(db, { payments, account }) {
  const other = `${account}-other`;
  await insertAccount(db, account);
  await insertAccount(db, other);
  const mine = Math.round(payments * 0.9);
  const linkIds = await insertLinks(db, account, 20);
  await insertPayments(db, account, linkIds, mine, '8801');
  await insertPayments(db, other, await insertLinks(db, other, 2), payments - mine, '8802');
  const result = await db.execute(sql`select reff_no, method_value, amount, link_id from payments
    where account_id = ${account} and method_code <> 'QRIS' order by id offset ${Math.floor(mine / 2)} limit 1`);
  const row = result.rows[0];
  return {
    reffNo: row.reff_no,
    methodValue: row.method_value,
    amount: Number(row.amount),
    linkId: Number(row.link_id),
  };
}
