// Writes the default one-stop form templates (.docx with docx-templates commands) to templates/forms/.
// Run after changing src/documents/form-templates.ts and commit the output:
//   node --import tsx scripts/gen-form-templates.ts [outDir]
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { allFormTemplates } from "../src/documents/form-templates.ts";
import { SHIPPED_TEMPLATES_DIR } from "../src/documents/forms.ts";
import { toBuffer } from "../src/documents/official.ts";

const outDir = process.argv[2] ?? SHIPPED_TEMPLATES_DIR;
for (const { path, document } of allFormTemplates()) {
  const target = join(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await toBuffer(document));
  console.log(target);
}
