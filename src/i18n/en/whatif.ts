/**
 * The editor's what-if and customer lookup (src/server population and evaluate routes): a draft
 * policy sent in place of a stored one, and one customer found in a stored dataset.
 */
export const whatif = {
  draftAndStored:
    'give the policy as a draft (`content`) or as a stored choice (`version`, `businessUnit`), not both',
  draftAndStoredHelp:
    'a draft is checked as POST /v1/validate checks it and run as written; drop the other fields',
  customerNotFound: (p: { customer: string; dataset: string }) =>
    `there is no customer ${p.customer} in the dataset ${p.dataset}`,
  customerNotFoundHelp:
    'check the id (the policy key column of the file), or choose the dataset that holds the customer',
  lookupNeedsCustomer: 'looking a customer up in a dataset needs its id as `customer`',
  datasetAndFacts:
    'give the customer as a dataset to look up (`dataset`) or as `facts` or a `record`, not both',
  transactionsNeedDataset:
    'a stored transaction log (`transactionsDataset`) goes with the customer dataset (`dataset`)',
};
