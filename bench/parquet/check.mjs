// Reads a Parquet file written by textvae with hyparquet, an independent pure-JavaScript reader, and prints its
// row count, columns, key-value metadata and first rows: a check that files open outside .NET.
// Usage: npm install --prefix bench/parquet hyparquet && node bench/parquet/check.mjs FILE.parquet
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const file = await asyncBufferFromFile(process.argv[2])
const metadata = await parquetMetadataAsync(file)
const rows = await parquetReadObjects({ file })
console.log(JSON.stringify({
  rows: Number(metadata.num_rows),
  row_groups: metadata.row_groups.length,
  columns: metadata.schema.slice(1).map(column => `${column.name}:${column.type}`),
  metadata: Object.fromEntries((metadata.key_value_metadata ?? []).map(entry => [entry.key, entry.value])),
  first: rows.slice(0, 2),
}, (_, value) => typeof value === 'bigint' ? Number(value) : value, 1))
