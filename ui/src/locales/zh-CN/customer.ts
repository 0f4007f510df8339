// The texts of one customer looked up.
export const customer = {};
