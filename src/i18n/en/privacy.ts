/**
 * Personal data in places it cannot be masked (src/policy/lint, src/testing): the customer key
 * marked `pii`. Ids arrive as the policy writes them.
 */
export const privacy = {
  piiKey: (p: { id: string }) =>
    `the customer key '${p.id}' is marked \`pii: true\`: every result, report and message names customers by their key, so a personal key would be shown everywhere, and masked it would no longer tell customers apart`,
  piiKeyHelp: (p: { id: string }) =>
    `key customers by a non-personal id (a CRM or account number, e.g. customerId: { type: string, column: 客户编号, key: true }) and keep '${p.id}' as an ordinary fact with \`pii: true\`, masked in every output; if the data has no such id, give each row one before evaluating`,
};
