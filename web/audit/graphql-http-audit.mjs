// The GraphQL-over-HTTP audit of graphql-http (the reference audit suite of the spec's working group) against a
// running Hacktrail: node web/audit/graphql-http-audit.mjs [http://localhost:8080/graphql]
// Prints one line per audit (ok, warn or error) and a closing count of the MUST audits; exits 1 when
// a MUST audit fails. SHOULD and MAY audits are reported, never fatal. backend's GraphQlHttpAuditTests runs it.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:8080/graphql';
const results = await auditServer({ url, fetchFn: fetch });
let mustPassed = 0;
let mustFailed = 0;
for (const result of results) {
  const must = result.name.startsWith('MUST');
  if (must) {
    if (result.status === 'ok') mustPassed++;
    else mustFailed++;
  }
  const reason = result.status === 'ok' ? '' : ` — ${result.reason}`;
  console.log(`${result.status.padEnd(5)} ${result.id} ${result.name}${reason}`);
}
console.log(`MUST audits: ${mustPassed} ok, ${mustFailed} not ok`);
process.exit(mustFailed === 0 && mustPassed > 0 ? 0 : 1);
