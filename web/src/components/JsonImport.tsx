// Import a JSON array (or CSV, where the endpoint accepts it) from a file; shows the per-row errors.
import { Alert, Button, Table, Upload } from "antd";
import { useState } from "react";
import { errorMessage } from "../api.ts";
import type { ImportFile, ImportSummary } from "../api/imports.ts";

export function JsonImport({
  send,
  label,
  csv = false,
  onDone,
}: {
  /** The endpoint function that imports the file (units.import, procedures.import). */
  send: (file: ImportFile) => Promise<ImportSummary>;
  label: string;
  csv?: boolean;
  onDone?: () => void;
}) {
  const [result, setResult] = useState<ImportSummary>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const text = await file.text();
      const isCsv = csv && file.name.toLowerCase().endsWith(".csv");
      const r = await send(isCsv ? { csv: text } : { json: JSON.parse(text) });
      setResult(r);
      onDone?.();
    } catch (e) {
      setError(e instanceof SyntaxError ? "Tệp không phải JSON hợp lệ." : errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const counts = result ? Object.entries(result).filter(([, v]) => typeof v === "number") : [];
  return (
    <div>
      <Upload beforeUpload={run} showUploadList={false} accept={csv ? ".json,.csv" : ".json"}>
        <Button loading={busy}>{label}</Button>
      </Upload>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      {result && (
        <Alert
          type={result.errors?.length ? "warning" : "success"}
          showIcon
          role="status"
          style={{ marginTop: 8 }}
          title={counts.map(([k, v]) => `${k}: ${v}`).join(" · ")}
        />
      )}
      {result?.errors && result.errors.length > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.field ?? ""}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: "Dòng", dataIndex: "row", width: 70 },
            { title: "Trường", dataIndex: "field" },
            { title: "Lỗi", dataIndex: "message" },
          ]}
        />
      )}
    </div>
  );
}
