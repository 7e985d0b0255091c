/**
 * A read-only DuckDB session over the project's datasets, in-process (`@duckdb/node-api`, no server).
 *
 * Each dataset is a view called by its table name (`ukraine_border_crossings`) over its columnar copy
 * (loaders/dataset-cache.ts, attached read-only) or over the file itself. Then the session is locked:
 * DuckDB may open only those files (`allowed_paths`), no other file, no network, no extension install or load
 * (`enable_external_access = false`, autoload off), and its configuration cannot be changed back
 * (`lock_configuration`). On top of that, every query is checked before it runs: one statement, and
 * DuckDB's own parser must call it a SELECT (so `COPY … TO`, `ATTACH`, `INSTALL`, `LOAD`, `CREATE`,
 * `INSERT`, `SET` are refused even towards an allowed file). A query that runs longer than its time
 * limit is interrupted.
 */
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBPreparedStatement,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  StatementType,
  type DuckDBDataChunk,
  type DuckDBResult
} from "@duckdb/node-api";
import {KitError} from "./errors.ts";
import {attachSql, ensureDatasetCache} from "./dataset-cache.ts";
import {datasetPath, type Dataset, type DatasetFormat} from "./datasets.ts";

/** Options of a session. */
export interface SessionOptions {
  /** Worker threads (default: DuckDB's, the number of cores). */
  threads?: number;
  /** DuckDB's memory limit, e.g. "1GB" (default "1GB"). */
  memoryLimit?: string;
  /**
   * Read each dataset from its columnar copy (loaders/dataset-cache.ts), built on first use; true by
   * default. False reads the file itself on every query.
   */
  cache?: boolean;
  /** Milliseconds a query may run before it is interrupted (default 60 000). */
  timeoutMs?: number;
}

/** A locked, read-only DuckDB session with the datasets as tables. */
export interface Session {
  /** Checks and runs one query; resolves with its rows as JSON values (numbers for numeric columns). */
  rows(sql: string, file: string, limit?: number): Promise<{columns: string[]; rows: unknown[][]; more: boolean}>;
  /** Checks one query and streams its result, chunk by chunk, as rows of JSON values. */
  stream(sql: string, file: string): Promise<{columns: string[]; chunks: AsyncIterable<unknown[][]>}>;
  /** Closes the connection and the database. */
  close(): void;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The DuckDB table function that reads a file of a format. */
export function readerSql(format: DatasetFormat, path: string): string {
  switch (format) {
    case "csv":
      return `read_csv(${quote(path)}, header = true)`;
    case "tsv":
      return `read_csv(${quote(path)}, header = true, delim = '\\t')`;
    case "json":
      return `read_json_auto(${quote(path)})`;
    case "parquet":
      return `read_parquet(${quote(path)})`;
  }
}

/** DATASET_UNREADABLE at a dataset's record, with DuckDB's reason. */
function unreadable(d: Dataset, error: unknown): KitError {
  const reason = cleanDuckDBMessage((error as Error).message);
  return new KitError("DATASET_UNREADABLE", `DuckDB cannot read ${d.file} as ${d.format}: ${reason}`, {file: d.record});
}

/** The line of a DuckDB error message (`LINE 3: …`), when it gives one. */
export function lineOfDuckDBError(message: string): number | undefined {
  const m = /\bLINE (\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** DuckDB's message without its caret diagram, on one line. */
export function cleanDuckDBMessage(message: string): string {
  return message
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\s*\^/.test(l) && !/^LINE \d+:/.test(l))
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/^Failed to extract statements: /, "")
    .trim();
}

/** The datasets a query names as tables (a word match on table names: at worst one view too many). */
export function datasetsNamedIn(sql: string, datasets: readonly Dataset[]): Dataset[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return datasets.filter((d) => words.has(d.table.toLowerCase()));
}

const readingWords = new Set(["select", "with", "from", "values", "("]);

/**
 * Refuses anything but one reading statement: the first word (after comments) must be SELECT, WITH,
 * FROM, VALUES or `(`; DuckDB must find one statement and call it a SELECT. Throws
 * QUERY_NOT_READ_ONLY, QUERY_SEVERAL_STATEMENTS or QUERY_FAILED (with DuckDB's message and line).
 */
export async function prepareReadOnly(
  connection: DuckDBConnection,
  sql: string,
  file: string
): Promise<DuckDBPreparedStatement> {
  const bare = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ").trim();
  const first = /^(\(|[A-Za-z_]+)/.exec(bare)?.[1]?.toLowerCase() ?? "";
  if (bare === "") throw new KitError("QUERY_EMPTY", "the query is empty", {file});
  if (!readingWords.has(first)) {
    const line = sql.slice(0, sql.search(/\S/) + 1).split("\n").length;
    throw new KitError(
      "QUERY_NOT_READ_ONLY",
      `the query starts with ${first.toUpperCase() || JSON.stringify(bare.slice(0, 10))}: a query may only read (SELECT, WITH, FROM or VALUES)`,
      {file, line}
    );
  }
  // DuckDB's parser alone (no binding): it serializes SELECT statements only, so a write hidden
  // behind WITH, or any other kind of statement, is told apart before anything is bound or run.
  const parsed = await connection.runAndReadAll("SELECT json_serialize_sql($1::VARCHAR)", [sql]);
  const tree = JSON.parse(String(parsed.getRows()[0][0])) as {error?: boolean; error_type?: string};
  if (tree.error && tree.error_type === "not implemented")
    throw new KitError(
      "QUERY_NOT_READ_ONLY",
      "DuckDB's parser finds a statement that is not a SELECT: a query may only read",
      {
        file
      }
    );
  let prepared: DuckDBPreparedStatement;
  try {
    const statements = await connection.extractStatements(sql);
    if (statements.count !== 1)
      throw new KitError(
        "QUERY_SEVERAL_STATEMENTS",
        `the file holds ${statements.count} statements; a query is one SELECT`,
        {
          file
        }
      );
    prepared = await statements.prepare(0);
  } catch (error) {
    if (error instanceof KitError) throw error;
    const message = (error as Error).message;
    throw new KitError("QUERY_FAILED", cleanDuckDBMessage(message), {file, line: lineOfDuckDBError(message)});
  }
  if (prepared.statementType !== StatementType.SELECT) {
    prepared.destroySync();
    throw new KitError(
      "QUERY_NOT_READ_ONLY",
      `DuckDB reads it as a ${StatementType[prepared.statementType]} statement: a query may only read`,
      {file}
    );
  }
  return prepared;
}

const bigNumbers = new Set([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL
]);

/** Converts a chunk's rows to JSON values; big integers and decimals become numbers. */
function jsonRows(result: DuckDBResult, chunk: DuckDBDataChunk): unknown[][] {
  const types = result.columnTypes().map((t) => bigNumbers.has(t.typeId));
  const rows = chunk.convertRows(JsonDuckDBValueConverter) as unknown[][];
  for (const row of rows) for (let i = 0; i < row.length; i++) if (types[i] && row[i] !== null) row[i] = Number(row[i]);
  return rows;
}

/**
 * Opens a locked, read-only session with the given datasets as tables. A dataset DuckDB cannot read
 * fails with DATASET_UNREADABLE at its record, with DuckDB's reason (a missing column in a Parquet
 * file shows later, as the query's QUERY_FAILED naming the column).
 */
export async function openSession(
  root: string,
  datasets: readonly Dataset[],
  options: SessionOptions = {}
): Promise<Session> {
  const {threads, memoryLimit = "1GB", cache = true, timeoutMs = 60_000} = options;
  const config: Record<string, string> = {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    memory_limit: memoryLimit
  };
  if (threads) config.threads = String(threads);
  const instance = await DuckDBInstance.create(":memory:", config);
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const paths = datasets.map((d) => datasetPath(root, d));
    const sources: string[] = [];
    for (const [i, d] of datasets.entries()) {
      try {
        sources.push(cache ? await ensureDatasetCache(root, d, readerSql(d.format, paths[i])) : paths[i]);
      } catch (error) {
        throw unreadable(d, error);
      }
    }
    await connection.run(`SET allowed_paths = [${[...paths, ...(cache ? sources : [])].map(quote).join(", ")}]`);
    for (const [i, d] of datasets.entries()) {
      try {
        if (cache) {
          await connection.run(attachSql(sources[i], `dataset_${i}`));
          await connection.run(`CREATE VIEW "${d.table}" AS SELECT * FROM "dataset_${i}".main.data`);
        } else {
          await connection.run(`CREATE VIEW "${d.table}" AS SELECT * FROM ${readerSql(d.format, paths[i])}`);
        }
      } catch (error) {
        throw unreadable(d, error);
      }
    }
    await connection.run("SET enable_external_access = false");
    await connection.run("SET lock_configuration = true");
  } catch (error) {
    close();
    throw error;
  }

  /** A timer that interrupts the running query after the time limit; `stop` clears it. */
  const watch = () => {
    const state = {timedOut: false, stop: () => clearTimeout(timer)};
    const timer = setTimeout(() => {
      state.timedOut = true;
      connection.interrupt();
    }, timeoutMs);
    return state;
  };
  /** DuckDB's error as the kit's: QUERY_TIMEOUT when the watch stopped it, QUERY_FAILED otherwise. */
  const failure = (error: unknown, file: string, timedOut: boolean): Error => {
    if (error instanceof KitError) return error;
    if (timedOut)
      return new KitError("QUERY_TIMEOUT", `the query ran longer than ${timeoutMs} ms and was stopped`, {file});
    const message = (error as Error).message;
    return new KitError("QUERY_FAILED", cleanDuckDBMessage(message), {file, line: lineOfDuckDBError(message)});
  };

  return {
    async rows(sql, file, limit = Infinity) {
      const timer = watch();
      let prepared: DuckDBPreparedStatement | null = null;
      try {
        prepared = await prepareReadOnly(connection, sql, file);
        const result = await prepared.stream();
        const rows: unknown[][] = [];
        let more = false;
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          rows.push(...jsonRows(result, chunk));
          if (rows.length >= limit) {
            more = true;
            break;
          }
        }
        return {columns: result.columnNames(), rows, more};
      } catch (error) {
        throw failure(error, file, timer.timedOut);
      } finally {
        timer.stop();
        prepared?.destroySync();
      }
    },
    async stream(sql, file) {
      const timer = watch();
      let prepared: DuckDBPreparedStatement | null = null;
      let result: DuckDBResult;
      try {
        prepared = await prepareReadOnly(connection, sql, file);
        result = await prepared.stream();
      } catch (error) {
        timer.stop();
        prepared?.destroySync();
        throw failure(error, file, timer.timedOut);
      }
      async function* chunks(): AsyncIterable<unknown[][]> {
        try {
          for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
            yield jsonRows(result, chunk);
        } catch (error) {
          throw failure(error, file, timer.timedOut);
        } finally {
          timer.stop();
          prepared!.destroySync();
        }
      }
      return {columns: result.columnNames(), chunks: chunks()};
    },
    close
  };
}
