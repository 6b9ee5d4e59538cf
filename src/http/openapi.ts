// The OpenAPI 3.1 document, generated from the route declarations (a test keeps docs/openapi.json in sync).
import { z } from "zod";
import type { AnyRoute } from "./route.ts";

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "input") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" });

const problem = {
  description: "Lỗi (application/problem+json)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

export function openApiDocument(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ["path", route.params],
      ["query", route.query],
    ] as const) {
      if (!schema) continue;
      const shape = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(shape.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === "path" || (shape.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const content: Record<string, unknown> = {};
    if (route.body) content["application/json"] = { schema: jsonSchema(route.body) };
    for (const type of route.rawBody ?? []) content[type] = { schema: { type: "string" } };
    const responses: Record<string, unknown> = {
      "200": {
        description: "OK",
        // the declared answer (src/http/schemas) for JSON; other types (CSV, .xlsx, PDF) stay undescribed; a
        // route that produces only files and declares no JSON answer lists only its file types
        content: Object.fromEntries(
          [...(route.response || !route.produces ? ["application/json"] : []), ...(route.produces ?? [])].map(
            (type) => [
              type,
              type === "application/json" && route.response ? { schema: jsonSchema(route.response, "output") } : {},
            ],
          ),
        ),
      },
      "400": problem,
    };
    if (route.access !== "public") Object.assign(responses, { "401": problem, "403": problem });
    const operation = {
      summary: route.summary,
      tags: route.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses,
      ...(route.access === "public" ? { security: [] } : {}),
    };
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "motcua API",
      version: "0.1.0",
      description: "Hệ thống một cửa: danh mục thủ tục, hồ sơ, báo cáo. Errors are problem+json with a stable `code`.",
    },
    servers: [{ url: "/" }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "motcua_session" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "status", "code", "title"],
          properties: {
            type: { type: "string" },
            status: { type: "integer" },
            code: { type: "string" },
            title: { type: "string" },
            detail: { type: "string" },
            invalidParams: {
              type: "array",
              items: { type: "object", properties: { name: { type: "string" }, reason: { type: "string" } } },
            },
          },
        },
      },
    },
  };
}
