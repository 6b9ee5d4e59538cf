// Shared set-up of the dossier import's tests: a fresh database with the test units and one real catalogue
// entry (live intake refuses placeholder procedures), and the procedure as a line names it.
import { Procedure } from "../../catalog/procedure.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { createProcedureVersion } from "./catalog-versions.ts";
import { importDossierLines, type Rejection } from "./dossier-import.ts";
import { UnitDirectory } from "./units.ts";

/** The procedure every test line names, as an interchange line carries it. */
export const PROC = {
  code: "1.001009",
  name: "Chứng thực bản sao từ bản chính",
  field: "Chứng thực",
  level: "commune",
  limit: "same day",
};

/** A line of unit P1.01 received at `receivedAt` (an instant with its offset), with `extra` laid over it. */
export const line = (code: string, receivedAt: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    code,
    unit: { code: "P1.01" },
    procedure: PROC,
    channel: "direct",
    receivedAt,
    events: [],
    ...extra,
  });

/** Imports `input` in batches of `batchSize`, collecting the rejections. */
export async function runImport(
  database: TestDatabase,
  units: UnitDirectory,
  input: string[],
  { createMissing = true, batchSize = 7, onProgress }: ImportRun = {},
) {
  const rejected: Rejection[] = [];
  const summary = await importDossierLines(database, units, input, {
    createMissing,
    batchSize,
    onReject: (r) => rejected.push(r),
    onProgress,
  });
  return { summary, rejected };
}

interface ImportRun {
  createMissing?: boolean;
  batchSize?: number;
  onProgress?: (read: number) => void;
}

export async function importTestDatabase(): Promise<{ t: TestDatabase; units: UnitDirectory }> {
  const t = await createTestDatabase();
  await seedTestUnits(t);
  const units = new UnitDirectory(t.db);
  await units.refresh();
  await createProcedureVersion(
    t.db,
    Procedure.parse({
      code: PROC.code,
      name: PROC.name,
      field: PROC.field,
      level: PROC.level,
      agency: "UBND cấp xã",
      components: [{ name: "Bản chính", form: "original", count: 1 }],
      timeLimit: { value: 2, unit: "working_days" },
      fees: [{ name: "Phí chứng thực", amount: 2000 }],
      onlineLevel: "full",
      steps: [],
      effectiveFrom: "2020-01-01",
    }),
  );
  return { t, units };
}
