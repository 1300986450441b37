import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Caller } from './auth/caller.ts';
import type { SubgraphContext } from './context.ts';
import { DecimalScalar } from './decimal.ts';
import { forbidden, unauthenticated } from './errors.ts';
import InputBoundsPlugin from './input-bounds-plugin.ts';
import { callerIsSupervisor, callerSeesRegion } from './policy.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

/** Scopes every subgraph's fields and mutations are guarded with (Pothos scope-auth). */
export interface AuthScopes {
  /** Any caller the gateway vouches for, anonymous included. */
  public: boolean;
  /** A named caller with a role token. */
  signedIn: boolean;
  regulator: boolean;
  analyst: boolean;
  platform: boolean;
  admin: boolean;
  /** A related department (tax, procurement…) reading what is shared with it for joint supervision. */
  department: boolean;
  /** Regulators, analysts and admins: supervision-only data such as credit risk and internal notes. */
  supervisor: boolean;
  /** Sees everything in the given division code (regulator of that region, analyst, admin). */
  seesRegion: string;
}

export interface SubgraphTypes<TContext extends SubgraphContext> {
  Context: TContext;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string | Date };
    DateTime: { Input: Date; Output: Date | string };
    Decimal: { Input: string; Output: string };
  };
}

const scopesFor = (caller: Caller) => ({
  public: true,
  signedIn: caller.role !== 'public',
  regulator: caller.role === 'regulator',
  analyst: caller.role === 'analyst',
  platform: caller.role === 'platform',
  admin: caller.role === 'admin',
  department: caller.role === 'department',
  supervisor: callerIsSupervisor(caller),
  seesRegion: (region: string) => callerSeesRegion(caller, region),
});

/**
 * The Pothos builder every subgraph starts from: federation, directives and scope-auth wired the
 * same way everywhere, plus the shared Date/DateTime scalars.
 */
export function createSubgraphBuilder<TContext extends SubgraphContext>() {
  const builder = new SchemaBuilder<SubgraphTypes<TContext>>({
    // Auth must wrap resolvers before federation does (plugin order matters); input bounds wrap
    // outermost, so no check, loader or SQL statement ever sees an unbounded value.
    plugins: [InputBoundsPlugin, ScopeAuthPlugin, DirectivesPlugin, FederationPlugin],
    scopeAuth: {
      authScopes: (context) => scopesFor(context.caller),
      // Anonymous callers are told to sign in; signed-in callers that lack a right get FORBIDDEN.
      unauthorizedError: (_parent, context, info, result) =>
        context.caller.role === 'public'
          ? unauthenticated(`sign in to use ${info.parentType.name}.${info.fieldName} (需要登录)`)
          : forbidden(`${result.message}: ${info.parentType.name}.${info.fieldName} (无权限)`),
    },
    defaultFieldNullability: false,
  });
  builder.addScalarType('Date', DateScalar);
  builder.addScalarType('DateTime', DateTimeScalar);
  builder.addScalarType('Decimal', DecimalScalar);
  return builder;
}

export type SubgraphBuilder<TContext extends SubgraphContext> = ReturnType<typeof createSubgraphBuilder<TContext>>;
