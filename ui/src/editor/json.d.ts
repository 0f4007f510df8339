// The policy schema is bundled into the YAML editor's lazy chunk (completion and hover read it).
declare module '*.schema.json' {
  const schema: Record<string, unknown>;
  export default schema;
}
