// The registers of the other reform records (directives, inspections, outreach, initiatives, surveys, dialogues,
// VBQPPL, staff, discipline, training, yes/no facts) and the 01b figures they yield: thin routes over
// src/db/repos/reform.
import { z } from "zod";
import { provinceOfRow } from "../../db/repos/reform/common.ts";
import { createRecord, deleteRecord, findRecord, listRecords, updateRecord } from "../../db/repos/reform/records.ts";
import { loadEvidenceGaps, loadRecordAppendices } from "../../db/repos/reform/appendices.ts";
import { loadRecordFigures } from "../../db/repos/reform/sheet-figures.ts";
import { RECORD_KINDS, type RecordKind } from "../../reform/records/model.ts";
import { LocalDate, RecordSchema } from "../../reform/records/schemas.ts";
import { notFound, validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { changedBy, manageUnit, mayRead, readScope } from "./reform-records-access.ts";
import { NoContent } from "../schemas/common.ts";
import {
  ReformAppendices,
  ReformEvidenceGaps,
  ReformRecord,
  ReformRecordFigures,
  ReformRecordList,
} from "../schemas/reform-records.ts";

const Id = z.object({ id: z.coerce.number().int().positive() });
const Kind = z.enum(Object.keys(RECORD_KINDS) as [RecordKind, ...RecordKind[]], "Loại hồ sơ CCHC không hợp lệ");

async function locateRecord(db: Parameters<typeof findRecord>[0], id: number) {
  const province = await provinceOfRow(db, "reform_records", id);
  const record = province ? await findRecord(db, province, id) : undefined;
  if (!record || !province) throw notFound(`hồ sơ CCHC số ${id}`);
  return { record, province };
}

export const listReformRecords = defineRoute({
  method: "GET",
  url: "/api/reform/records",
  summary: "Sổ theo dõi hồ sơ CCHC của đơn vị và cấp dưới, theo loại và khoảng ngày",
  tags: ["reform"],
  access: "staff",
  response: ReformRecordList,
  query: z.object({
    unit: z.string().max(32).optional(),
    kind: Kind.optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
  }),
  async handler({ ctx, actor, query }) {
    const units = await readScope(ctx, actor, query.unit);
    const items = await listRecords(ctx.database.db, { units, kind: query.kind, from: query.from, to: query.to });
    return withLocalInstants({ items });
  },
});

export const createReformRecord = defineRoute({
  method: "POST",
  url: "/api/reform/records",
  summary: "Ghi một hồ sơ CCHC (văn bản chỉ đạo, kiểm tra, tuyên truyền, sáng kiến, khảo sát, đối thoại, VBQPPL, …)",
  tags: ["reform"],
  access: "staff",
  response: ReformRecord,
  body: RecordSchema,
  async handler({ ctx, actor, body, reply }) {
    const province = await manageUnit(ctx, actor, body.unit);
    const record = await createRecord(ctx.database.db, province, body, changedBy(ctx, actor)).catch(dossierProblem);
    reply.status(201);
    return withLocalInstants(record);
  },
});

export const getReformRecord = defineRoute({
  method: "GET",
  url: "/api/reform/records/:id",
  summary: "Một hồ sơ CCHC",
  tags: ["reform"],
  access: "staff",
  response: ReformRecord,
  params: Id,
  async handler({ ctx, actor, params }) {
    const { record } = await locateRecord(ctx.database.db, params.id);
    await mayRead(ctx, actor, record.unit);
    return withLocalInstants(record);
  },
});

export const updateReformRecord = defineRoute({
  method: "PUT",
  url: "/api/reform/records/:id",
  summary: "Sửa hồ sơ CCHC (đơn vị và loại giữ nguyên; version chống ghi đè)",
  tags: ["reform"],
  access: "staff",
  response: ReformRecord,
  params: Id,
  body: z.intersection(RecordSchema, z.object({ version: z.number().int().min(1).optional() })),
  async handler({ ctx, actor, params, body }) {
    const { record, province } = await locateRecord(ctx.database.db, params.id);
    await manageUnit(ctx, actor, record.unit);
    const { version, ...fields } = body;
    const updated = await updateRecord(ctx.database.db, record, province, fields, changedBy(ctx, actor), version).catch(
      dossierProblem,
    );
    return withLocalInstants(updated);
  },
});

export const deleteReformRecord = defineRoute({
  method: "DELETE",
  url: "/api/reform/records/:id",
  summary: "Xóa hồ sơ CCHC (giữ lịch sử)",
  tags: ["reform"],
  access: "staff",
  response: NoContent,
  params: Id,
  async handler({ ctx, actor, params, reply }) {
    const { record, province } = await locateRecord(ctx.database.db, params.id);
    await manageUnit(ctx, actor, record.unit);
    await deleteRecord(ctx.database.db, record, province, changedBy(ctx, actor));
    reply.status(204);
    return null;
  },
});

export const getReformRecordFigures = defineRoute({
  method: "GET",
  url: "/api/reform/figures",
  summary:
    "Số liệu Phụ lục 01b (nhóm 1, 2, 4–7) tính từ hồ sơ CCHC của đơn vị và cấp dưới trong kỳ; chỉ mã có ghi nhận",
  tags: ["reform"],
  access: "staff",
  response: ReformRecordFigures,
  query: z.object({ unit: z.string().min(1).max(32), from: LocalDate, to: LocalDate }),
  async handler({ ctx, actor, query }) {
    if (query.from > query.to) throw validationFailed([{ name: "to", reason: "Ngày kết thúc trước ngày bắt đầu" }]);
    await readScope(ctx, actor, query.unit);
    const figures = await loadRecordFigures(ctx.database.db, query).catch(dossierProblem);
    return { unit: query.unit, from: query.from, to: query.to, figures };
  },
});

export const getReformAppendices = defineRoute({
  method: "GET",
  url: "/api/reform/appendices",
  summary:
    "Phụ lục 1 (kế hoạch, nhiệm vụ hoàn thành), 3 (VBQPPL, TTHC rà soát theo quý), 5 (trình độ cán bộ, công chức)",
  tags: ["reform"],
  access: "staff",
  response: ReformAppendices,
  query: z.object({ unit: z.string().min(1).max(32), from: LocalDate, to: LocalDate }),
  async handler({ ctx, actor, query }) {
    if (query.from > query.to) throw validationFailed([{ name: "to", reason: "Ngày kết thúc trước ngày bắt đầu" }]);
    await readScope(ctx, actor, query.unit);
    return loadRecordAppendices(ctx.database.db, query).catch(dossierProblem);
  },
});

export const getReformEvidenceGaps = defineRoute({
  method: "GET",
  url: "/api/reform/gaps",
  summary: "Thiếu tài liệu kiểm chứng: kế hoạch chưa có tệp hoặc dùng chung tệp, nhiệm vụ và hồ sơ chưa có minh chứng",
  tags: ["reform"],
  access: "staff",
  response: ReformEvidenceGaps,
  query: z.object({ unit: z.string().min(1).max(32), from: LocalDate, to: LocalDate }),
  async handler({ ctx, actor, query }) {
    if (query.from > query.to) throw validationFailed([{ name: "to", reason: "Ngày kết thúc trước ngày bắt đầu" }]);
    await readScope(ctx, actor, query.unit);
    return { items: await loadEvidenceGaps(ctx.database.db, query).catch(dossierProblem) };
  },
});
