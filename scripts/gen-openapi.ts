// Writes docs/openapi.json from the route declarations. CI fails if the committed file drifts (openapi.test.ts).
import { writeFileSync } from "node:fs";
import { openApiDocument } from "../src/http/openapi.ts";
import { routes } from "../src/http/routes/index.ts";

writeFileSync(
  new URL("../docs/openapi.json", import.meta.url),
  `${JSON.stringify(openApiDocument(routes), null, 2)}\n`,
);
