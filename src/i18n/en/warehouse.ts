/** Policies compiled to SQL (src/sql) and run on DuckDB or a warehouse (src/duckdb, `tierwise sql`). */
export const warehouse = {
  untranslatable: (p: { what: string; dialect: string }) =>
    `${p.what} cannot be expressed exactly in ${p.dialect} SQL, so no query is written`,
  untranslatableHelp:
    'run this policy on the JavaScript path (leave out --engine duckdb), or rewrite that part; docs/sql.md lists what SQL supports',
};
