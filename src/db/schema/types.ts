// Column helpers shared by the per-area table types (src/db/schema/*.ts).
import type { ColumnType } from "kysely";

export type Json = unknown;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
