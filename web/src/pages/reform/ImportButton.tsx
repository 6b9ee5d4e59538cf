// Nhập hồ sơ CCHC từ bảng tính (.xlsx) hoặc JSON (POST /api/reform/import): checked whole, written all or
// nothing; the problems are listed with where they are (sheet!row). Export and the empty template beside it.
import { Alert, App, Button, Space } from "antd";
import { useRef, useState } from "react";
import { ApiProblem, api, errorMessage } from "../../api.ts";
import { reform } from "../../api/reform.ts";

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportExport({ unit, year, onImported }: { unit: string; year: number; onImported(): void }) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    setProblems(undefined);
    try {
      const body = /\.xlsx$/i.test(file.name)
        ? { xlsxBase64: await toBase64(file) }
        : { document: JSON.parse(await file.text()) };
      const r = await reform.import(body);
      message.success(
        `Đã nhập: ${r.plans.created} kế hoạch, ${r.tasks.created} nhiệm vụ, ${r.records.created} hồ sơ mới; ` +
          `${r.plans.updated + r.tasks.updated + r.records.updated} cập nhật`,
      );
      onImported();
    } catch (e) {
      if (e instanceof ApiProblem && e.invalidParams.length)
        setProblems([e.userMessage, ...e.invalidParams.slice(0, 50).map((p) => `${p.name}: ${p.reason}`)]);
      else setProblems([e instanceof SyntaxError ? "Tệp JSON không hợp lệ" : errorMessage(e)]);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.json"
          aria-label="Tệp nhập hồ sơ CCHC"
          style={{ display: "none" }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        <Button loading={busy} onClick={() => input.current?.click()}>
          Nhập từ bảng tính
        </Button>
        <a href={api.url("/reform/export", { unit, from: `${year}-01-01`, to: `${year}-12-31`, format: "xlsx" })}>
          Xuất bảng tính
        </a>
        <a href={api.url("/reform/export", { format: "xlsx" })}>Tải mẫu bảng tính</a>
      </Space>
      {problems && (
        <Alert
          type="error"
          showIcon
          message={problems[0]}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.slice(1).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
