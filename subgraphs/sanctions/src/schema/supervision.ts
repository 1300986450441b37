/**
 * Field options for what only supervisors of the record's region (and analysts, admins) see:
 * history, objections, repairs, eligibility. Others get null rather than an error, so one
 * profile query serves every audience.
 */
export const supervisorOnly = (description: string) => ({
  nullable: true as const,
  description: `${description} Supervisors of the record's region, analysts and admins only; null for others.`,
  authScopes: (record: { regionCode: string }) => ({ seesRegion: record.regionCode }),
  unauthorizedResolver: () => null,
});
