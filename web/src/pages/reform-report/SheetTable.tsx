// Phụ lục 01b on screen: STT · chỉ tiêu · ĐVT · số liệu · nguồn, the checks' findings above it, and for a reform
// officer a hand entry on the rows the reform records do not hold (PUT /api/reform/sheet/manual; the server
// refuses computed rows and values that break a check, and says why).
import { Alert, Button, InputNumber, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api.ts";
import { formatCount } from "../../format.ts";
import { isGroupCode, SOURCE_LABEL, type Sheet, type SheetRow } from "./types.ts";
import { reform } from "../../api/reform.ts";

function valueText(v: number | null): string {
  if (v === null) return "";
  return Number.isInteger(v) ? formatCount(v) : String(v).replace(".", ",");
}

export function Violations({ sheet }: { sheet: Sheet }) {
  if (!sheet.violations.length) {
    return <Alert type="success" showIcon title="Số liệu Phụ lục 01b nhất quán: không có vi phạm kiểm tra" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sheet-violations"
      title="Số liệu không nhất quán: báo cáo không thể ban hành"
      description={
        <ul style={{ margin: 0 }}>
          {sheet.violations.map((v) => (
            <li key={`${v.code}-${v.rows.join()}`}>
              <code>{v.code}</code>: {v.rows.join(", ")} — cần {v.expected}, có {JSON.stringify(v.found)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function SheetTable({ sheet, canEdit, onChanged }: { sheet: Sheet; canEdit: boolean; onChanged(): void }) {
  const [editing, setEditing] = useState<SheetRow>();
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const editable = (r: SheetRow) =>
    canEdit && (r.source === "records" || r.source === "manual") && !isGroupCode(r.code, sheet.rows);
  const save = async () => {
    if (!editing || value === null) return;
    setSaving(true);
    setError(undefined);
    try {
      await reform.setSheetValue({
        unit: sheet.unit,
        from: sheet.from,
        to: sheet.to,
        code: editing.code,
        value,
      });
      setEditing(undefined);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Table<SheetRow>
        size="small"
        rowKey="code"
        pagination={false}
        data-testid="sheet-table"
        dataSource={sheet.rows}
        columns={[
          {
            title: "Số TT",
            dataIndex: "code",
            width: 140,
            render: (c: string) => (isGroupCode(c, sheet.rows) ? <strong>{c}</strong> : c),
          },
          {
            title: "Chỉ tiêu thống kê",
            dataIndex: "label",
            render: (l: string, r) => (isGroupCode(r.code, sheet.rows) ? <strong>{l}</strong> : l),
          },
          { title: "Đơn vị tính", dataIndex: "unitOfMeasure", width: 160 },
          {
            title: "Số liệu",
            align: "right",
            width: 110,
            render: (_v, r) => <span data-testid={`value-${r.code}`}>{valueText(r.value)}</span>,
          },
          {
            title: "Nguồn",
            width: 190,
            render: (_v, r) =>
              isGroupCode(r.code, sheet.rows) ? null : (
                <Space size={4}>
                  {r.value === null ? (
                    <Typography.Text type="secondary">Chưa có số liệu</Typography.Text>
                  ) : (
                    <Tag color={SOURCE_LABEL[r.source].color}>{SOURCE_LABEL[r.source].text}</Tag>
                  )}
                  {editable(r) && (
                    <Button
                      size="small"
                      type="link"
                      aria-label={`Nhập tay ${r.code}`}
                      onClick={() => {
                        setEditing(r);
                        setValue(r.value);
                        setError(undefined);
                      }}
                    >
                      Nhập tay
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? `Nhập tay chỉ tiêu ${editing.code}` : ""}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={saving}
        onOk={save}
        onCancel={() => setEditing(undefined)}
      >
        {editing && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Typography.Text>
              {editing.label} ({editing.unitOfMeasure})
            </Typography.Text>
            <InputNumber
              aria-label="Số liệu"
              min={0}
              style={{ width: 200 }}
              value={value}
              onChange={(v) => setValue(typeof v === "number" ? v : null)}
            />
            {error && <Alert type="error" showIcon title={error} role="alert" />}
          </Space>
        )}
      </Modal>
    </>
  );
}
