// The texts of the review of a change request: diffs, approve, publish, rollback, audit.
export const review = {};
