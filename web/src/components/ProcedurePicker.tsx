// Pick a procedure by typing its name without diacritics; the server searches (GET /api/procedures?q=).
import { Select } from "antd";
import { useState } from "react";
import { useDebounced, useLoad } from "../hooks.ts";
import { procedures } from "../api/procedures.ts";

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  "aria-label"?: string;
}

export function ProcedurePicker({ id, value, onChange, ...rest }: Props) {
  const [text, setText] = useState("");
  const q = useDebounced(text, 200);
  const { data, loading } = useLoad((signal) => procedures.search({ q, pageSize: 20 }, signal), [q]);
  return (
    <Select
      id={id}
      aria-label={rest["aria-label"] ?? "Thủ tục hành chính"}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder="Gõ tên thủ tục, không cần dấu (ví dụ: chung thuc)"
      notFoundContent={loading ? "Đang tìm…" : "Không tìm thấy thủ tục"}
      options={(data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
      style={{ width: "100%" }}
      data-testid="procedure-picker"
    />
  );
}
