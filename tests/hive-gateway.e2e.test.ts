import { classifyMonth, gatewayReaderFromEnv, loadEnv, loadModelFile, type RiskDatabase } from '@credit-hub/risk';
import { generateEnterprises, type SeedEnterprise } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../scripts/subgraphs.ts';
import { type HiveGateway, startHiveGateway } from './support/hive-gateway.ts';
import { type GraphQLResponse, type Stack, startStack, TEST_ENV } from './support/stack.ts';

/**
 * Issue 14: the committed supergraph is not tied to Apollo. The same subgraphs are served by the
 * Apollo gateway and by Hive Gateway at once; the profile suite runs against each, and every
 * caller's answer to the same profile is compared between the two.
 */
const TODAY = '2026-11-30';
const MONTH = '2026-11';
const ENTERPRISES = 60;
const SEED = { referenceDate: '2026-11-21' };

const PROFILE = /* GraphQL */ `
  query Profile($uscc: String!) {
    enterprise(uscc: $uscc) {
      uscc name status legalRepresentative contactPhone
      region { code fullName }
      annualReports { year submittedOn onTime }
      licenses { number kind status validTo renewalDueOn publication { published } renewalDueExplanation { rule { code citation { document article } effectiveFrom } provisional } }
      penalties { decisionNumber decidedOn fineAmountYuan publication { publicUntil } }
      abnormalOperations { listedOn reason escalationDueOn }
      creditRisk { riskClass source month }
    }
  }
`;
const BATCH = /* GraphQL */ `query Batch($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc name licenses { number } } }`;

interface Profile {
  enterprise: {
    uscc: string;
    contactPhone: string | null;
    licenses: { number: string; publication: { published: boolean } }[];
    penalties: unknown[];
    creditRisk: { riskClass: string } | null;
  } | null;
}

type Caller = 'anonymous' | 'ownRegulator' | 'otherRegulator' | 'analyst' | 'forged';
const GATEWAYS = ['apollo', 'hive'] as const;
type GatewayName = (typeof GATEWAYS)[number];

const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((error) => error.extensions?.code);
/** What a caller is told: status, data and each error's code and path (engines word messages differently). */
const answer = (response: GraphQLResponse<unknown> | undefined) => ({
  status: response?.status,
  data: response?.data,
  errors: (response?.errors ?? []).map((error) => ({ code: error.extensions?.code, path: error.path })),
});

describe('the committed supergraph through Hive Gateway and the Apollo gateway', () => {
  let stack: Stack;
  let hive: HiveGateway;
  let urls: Record<GatewayName, string>;
  let tokens: Record<Caller, string | undefined>;
  let subject: SeedEnterprise;
  let elsewhere: SeedEnterprise;
  const seeded = [...generateEnterprises(ENTERPRISES, SEED)];

  beforeAll(async () => {
    stack = await startStack({ today: () => TODAY });
    // Every subgraph's share of the same synthetic population, as `npm run seed` loads it.
    for (const subgraph of SUBGRAPHS) await subgraph.seed(stack.database(subgraph.name), ENTERPRISES, SEED);
    await classifyMonth({
      db: stack.database<RiskDatabase>('risk').db,
      reader: gatewayReaderFromEnv(loadEnv({ ...TEST_ENV }), stack.gatewayUrl),
      versions: loadModelFile(loadEnv({ ...TEST_ENV }).RISK_MODEL_FILE),
      month: MONTH,
      today: TODAY,
      startedBy: 'test',
    });
    hive = await startHiveGateway({ subgraphUrls: stack.subgraphUrls, env: { ...TEST_ENV } });
    urls = { apollo: stack.gatewayUrl, hive: hive.url };

    // The subject: an enterprise with licences, one of them unpublished if the seed has one.
    const analyst = await stack.token({ role: 'analyst' });
    const profiles = await Promise.all(
      seeded.map(async (enterprise) => ({
        enterprise,
        profile: (await stack.query<Profile>(PROFILE, { uscc: enterprise.uscc }, { token: analyst })).data?.enterprise,
      })),
    );
    const withLicences = profiles.filter(({ profile }) => (profile?.licenses.length ?? 0) > 0);
    const found =
      withLicences.find(({ profile }) => profile?.licenses.some((licence) => !licence.publication.published)) ?? withLicences[0];
    if (!found) throw new Error('the seed holds no enterprise with a licence');
    subject = found.enterprise;
    const province = subject.regionCode.slice(0, 2);
    const other = seeded.find((enterprise) => enterprise.regionCode.slice(0, 2) !== province);
    if (!other) throw new Error('the seed holds one province only');
    elsewhere = other;
    tokens = {
      anonymous: undefined,
      ownRegulator: await stack.token({ role: 'regulator', region: `${province}0000`, dept: 'ZFJC' }),
      otherRegulator: await stack.token({ role: 'regulator', region: `${other.regionCode.slice(0, 2)}0000`, dept: 'ZFJC' }),
      analyst,
      forged: `${analyst.slice(0, -4)}AAAA`,
    };
  }, 400_000);
  afterAll(async () => {
    await hive?.stop();
    await stack?.stop();
  });

  const ask = <T = Profile>(gateway: GatewayName, caller: Caller, query: string, variables: Record<string, unknown>) => {
    const token = tokens[caller];
    return stack.query<T>(query, variables, { url: urls[gateway], ...(token ? { token } : {}) });
  };

  it('gives every caller the same answer through both engines, for a dozen seeded profiles', async () => {
    let compared = 0;
    for (const enterprise of seeded.slice(0, 12)) {
      for (const caller of Object.keys(tokens) as Caller[]) {
        const [apollo, hiveAnswer] = await Promise.all(GATEWAYS.map((gateway) => ask(gateway, caller, PROFILE, { uscc: enterprise.uscc })));
        expect(answer(hiveAnswer), `${enterprise.uscc} as ${caller}`).toEqual(answer(apollo));
        compared += 1;
      }
    }
    expect(compared).toBe(60);
    const batch = await Promise.all(GATEWAYS.map((gateway) => ask(gateway, 'anonymous', BATCH, { usccs: seeded.map((e) => e.uscc) })));
    expect(batch[0]?.errors).toBeUndefined();
    expect(batch[1]).toEqual(batch[0]);
  }, 180_000);

  describe.each(GATEWAYS)('profile access decisions through %s', (gateway) => {
    it('shows the public the profile without unpublished licences, contact details or the risk class', async () => {
      const response = await ask(gateway, 'anonymous', PROFILE, { uscc: subject.uscc });
      const profile = response.data?.enterprise;
      expect(profile?.uscc).toBe(subject.uscc);
      expect(profile?.contactPhone).toBeNull();
      expect(profile?.licenses.every((licence) => licence.publication.published)).toBe(true);
      expect(profile?.creditRisk).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('shows the regulator of the registered region everything, unpublished licences and the risk class included', async () => {
      const response = await ask(gateway, 'ownRegulator', PROFILE, { uscc: subject.uscc });
      expect(response.errors).toBeUndefined();
      const profile = response.data?.enterprise;
      expect(profile?.contactPhone).toBe(subject.contactPhone);
      expect(profile?.creditRisk?.riskClass).toMatch(/^[ABCD]$/);
      const publicView = await ask(gateway, 'anonymous', PROFILE, { uscc: subject.uscc });
      const unpublished = profile?.licenses.filter((licence) => !licence.publication.published).length ?? 0;
      expect(profile?.licenses.length).toBe((publicView.data?.enterprise?.licenses.length ?? 0) + unpublished);
    });

    it('refuses the regulator of another region the risk class and contact details', async () => {
      const response = await ask(gateway, 'otherRegulator', PROFILE, { uscc: subject.uscc });
      expect(response.data?.enterprise?.uscc).toBe(subject.uscc);
      expect(response.data?.enterprise?.contactPhone).toBeNull();
      expect(response.data?.enterprise?.creditRisk).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
      const ownGround = await ask(gateway, 'otherRegulator', PROFILE, { uscc: elsewhere.uscc });
      expect(ownGround.errors).toBeUndefined();
      expect(ownGround.data?.enterprise?.contactPhone).toBe(elsewhere.contactPhone);
    });

    it('refuses a forged token with UNAUTHENTICATED instead of answering as the public', async () => {
      const response = await ask(gateway, 'forged', PROFILE, { uscc: subject.uscc });
      expect(response.data?.enterprise ?? null).toBeNull();
      expect(codes(response)).toContain('UNAUTHENTICATED');
    });
  });
});
