// The texts of the policy editor: form and YAML views.
export const editor = {};
