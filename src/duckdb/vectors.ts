import type { DuckDBDataChunk } from '@duckdb/node-api';
import duckdbBindings from '@duckdb/node-bindings';

/**
 * A result column read as the engine holds it, without a JavaScript value per row: node-api's
 * getColumnValues boxes every item and tests its validity bit with BigInts, which costs more than
 * the query for ten million customers. The query must give no NULLs here (COALESCE them to NaN or
 * -1): the validity mask is not read. The arrays are copies, safe after the chunk is gone.
 */
export function doubleColumn(chunk: DuckDBDataChunk, k: number, into: Float64Array, at: number): void {
  const view = raw(chunk, k, duckdbBindings.Type.DOUBLE, Float64Array.BYTES_PER_ELEMENT);
  into.set(new Float64Array(view.buffer, view.byteOffset, chunk.rowCount), at);
}

/** As doubleColumn, for an INTEGER column. */
export function integerColumn(chunk: DuckDBDataChunk, k: number, into: Int32Array, at: number): void {
  const view = raw(chunk, k, duckdbBindings.Type.INTEGER, Int32Array.BYTES_PER_ELEMENT);
  into.set(new Int32Array(view.buffer, view.byteOffset, chunk.rowCount), at);
}

function raw(chunk: DuckDBDataChunk, k: number, type: duckdbBindings.Type, width: number): Uint8Array {
  const vector = duckdbBindings.data_chunk_get_vector(chunk.chunk, k);
  const got = duckdbBindings.get_type_id(duckdbBindings.vector_get_column_type(vector));
  // A query that forgot its CAST would otherwise be read as the wrong bytes.
  if (got !== type) throw new Error(`column ${k}: type ${got}, expected ${type}`);
  return duckdbBindings.vector_get_data(vector, chunk.rowCount * width);
}
