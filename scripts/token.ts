/**
 * npm run token -- --role regulator --region 140800 --dept ZFJC [--sub alice] [--hours 12]
 * Prints a development token signed with AUTH_JWT_SECRET (HS256).
 */
import { parseArgs } from 'node:util';
import { mintDevToken, type TokenRequest } from './dev-tokens.ts';

const ROLES = ['regulator', 'analyst', 'platform', 'admin'];

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      dept: { type: 'string' },
      sub: { type: 'string' },
      scope: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
  if (!values.role || !ROLES.includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (values.region && !/^\d{6}$/.test(values.region)) throw new Error('--region must be a 6-digit division code, e.g. 140800');
  if (values.role === 'regulator' && (!values.region || !values.dept)) throw new Error('a regulator token needs --region and --dept');
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error('--hours must be a positive number');
  const request: TokenRequest = { role: values.role as TokenRequest['role'], expiresIn: Math.round(hours * 3600) };
  if (values.region) request.region = values.region;
  if (values.dept) request.dept = values.dept;
  if (values.sub) request.sub = values.sub;
  if (values.scope) request.scope = values.scope;
  console.log(await mintDevToken(request));
}

main().catch((error: Error) => {
  console.error(`token: ${error.message}`);
  process.exit(2);
});
