// The inputs each lifecycle action asks for, and the body POST /api/dossiers/:code/actions/:action receives.
// Which actions are shown comes from the server's `allowedActions`; nothing here decides what is allowed.
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Upload } from "antd";
import type { UploadFile } from "antd";
import type { ReactNode } from "react";
import { codeMessage } from "../../api.ts";
import { foldedSearch } from "../../components/search.ts";
import { useLoad } from "../../hooks.ts";
import type { Action } from "../../types.ts";
import { units } from "../../api/units.ts";

export interface ActionValues {
  reason?: string;
  missing?: string[];
  assignee?: string;
  toUnit?: string;
  link?: "same_level" | "across_levels";
  amount?: number;
  paidOnline?: boolean;
  record?: string;
  via?: "direct" | "postal" | "online";
  dueAt?: { toISOString(): string };
  /** The draft of the result (propose_result): one file, uploaded through POST /api/files before the action. */
  draftFile?: UploadFile[];
  /** resolve: kết quả điện tử, kết quả đã số hóa, and the result file (required when either is ticked). */
  eResult?: boolean;
  resultDigitized?: boolean;
  resultFile?: UploadFile[];
}

/** The form field the server's `result-file-required` refusal belongs to. */
export const RESULT_FILE_FIELD = "resultFile";

/** What the dialog knows about the dossier: its components, and the unit now handling it (for the officers). */
export interface ActionContext {
  components: string[];
  unitCode: string;
  /** The result number recorded at resolve (the last `resolved` event's result.record): the return's default. */
  resultRecord?: string;
}

/**
 * The assignee is the officer's user id (the server's findAssignee also takes a username, but the log stores the
 * id): a picker over the unit's officers and leaders from GET /api/units/:code/officers.
 */
function OfficerPicker({ unitCode, ...props }: { unitCode: string; value?: string; onChange?: (v: string) => void }) {
  const officers = useLoad((signal) => units.officers(unitCode, signal), [unitCode]);
  const options = (officers.data?.officers ?? [])
    .filter((o) => o.roles.includes("officer") || o.roles.includes("leader"))
    .map((o) => ({
      value: String(o.id),
      label: `${o.fullName} (${o.username}${o.roles.includes("leader") ? ", lãnh đạo" : ""})`,
    }));
  return (
    <Select
      {...props}
      aria-label="Giao cho"
      showSearch={foldedSearch}
      loading={officers.loading}
      placeholder="Chọn chuyên viên xử lý"
      options={options}
      notFoundContent={officers.error ?? "Không có chuyên viên"}
    />
  );
}

const draftUpload = (
  <Form.Item
    key="draftFile"
    label="Tệp dự thảo kết quả"
    name="draftFile"
    valuePropName="fileList"
    getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
    rules={[{ required: true, message: "Đính kèm tệp dự thảo kết quả (PDF, DOCX, JPG, PNG)" }]}
  >
    <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.docx,.jpg,.jpeg,.png">
      <Button>Chọn tệp dự thảo</Button>
    </Upload>
  </Form.Item>
);

const reason = (label = "Lý do", required = true) => (
  <Form.Item
    key="reason"
    label={label}
    name="reason"
    rules={required ? [{ required: true, message: `Nhập ${label.toLowerCase()}` }] : []}
  >
    <Input.TextArea rows={3} />
  </Form.Item>
);

const evidence = (label: string, initialValue?: string) => (
  <Form.Item
    key="record"
    label={label}
    name="record"
    initialValue={initialValue}
    rules={[{ required: true, message: "Nhập số, ký hiệu văn bản hoặc nội dung ghi nhận" }]}
    extra="Số, ký hiệu văn bản kết quả, số sổ theo dõi ký nhận, mã bưu gửi…"
  >
    <Input />
  </Form.Item>
);

const RESULT_FILE_MESSAGE = codeMessage("result-file-required");

/**
 * Resolve: the result (its number or the file), whether it is an electronic result and whether the paper result
 * was digitized. Either flag needs the result file — the server refuses it otherwise (422 result-file-required,
 * shown under the file field by ActionButtons).
 */
const resolveFields: ReactNode[] = [
  <Form.Item
    key="record"
    label="Kết quả giải quyết"
    name="record"
    dependencies={[RESULT_FILE_FIELD]}
    extra="Số, ký hiệu văn bản kết quả; có thể để trống khi đính kèm tệp kết quả"
    rules={[
      ({ getFieldValue }) => ({
        validator: (_r, v: string | undefined) =>
          v?.trim() || (getFieldValue(RESULT_FILE_FIELD) ?? []).length > 0
            ? Promise.resolve()
            : Promise.reject(new Error("Nhập số, ký hiệu văn bản kết quả hoặc đính kèm tệp kết quả")),
      }),
    ]}
  >
    <Input />
  </Form.Item>,
  <Form.Item key="eResult" name="eResult" valuePropName="checked" style={{ marginBottom: 4 }}>
    <Checkbox>Kết quả điện tử</Checkbox>
  </Form.Item>,
  <Form.Item key="resultDigitized" name="resultDigitized" valuePropName="checked">
    <Checkbox>Đã số hóa kết quả</Checkbox>
  </Form.Item>,
  <Form.Item
    key={RESULT_FILE_FIELD}
    label="Tệp kết quả"
    name={RESULT_FILE_FIELD}
    valuePropName="fileList"
    dependencies={["eResult", "resultDigitized"]}
    getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
    extra="Bắt buộc khi là kết quả điện tử hoặc đã số hóa kết quả (PDF, DOCX, JPG, PNG)"
    rules={[
      ({ getFieldValue }) => ({
        validator: (_r, v: UploadFile[] | undefined) =>
          (getFieldValue("eResult") || getFieldValue("resultDigitized")) && !(v ?? []).length
            ? Promise.reject(new Error(RESULT_FILE_MESSAGE))
            : Promise.resolve(),
      }),
    ]}
  >
    <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.docx,.jpg,.jpeg,.png">
      <Button>Chọn tệp kết quả</Button>
    </Upload>
  </Form.Item>,
];

const declineFields: ReactNode[] = [
  reason("Lý do không đủ điều kiện giải quyết (ghi trong thông báo)"),
  <Form.Item
    key="record"
    label="Thông báo trả lại hồ sơ (số, ký hiệu)"
    name="record"
    extra="Để trống nếu thông báo được lập sau từ mẫu của hệ thống"
  >
    <Input />
  </Form.Item>,
];

const supplementFields = (components: readonly string[]): ReactNode[] => [
  <Form.Item
    key="missing"
    label="Các giấy tờ cần bổ sung (liệt kê đầy đủ một lần)"
    name="missing"
    rules={[{ required: true, message: "Liệt kê ít nhất một giấy tờ cần bổ sung" }]}
  >
    <Select
      mode="tags"
      options={components.map((c) => ({ value: c, label: c }))}
      placeholder="Chọn hoặc gõ tên giấy tờ"
    />
  </Form.Item>,
  reason("Ghi chú", false),
];

const transferFields: ReactNode[] = [
  <Form.Item
    key="toUnit"
    label="Mã đơn vị nhận"
    name="toUnit"
    rules={[{ required: true, message: "Nhập mã đơn vị nhận" }]}
  >
    <Input />
  </Form.Item>,
  <Form.Item key="link" label="Hình thức liên thông" name="link" initialValue="same_level">
    <Radio.Group>
      <Radio value="same_level">Cùng cấp</Radio>
      <Radio value="across_levels">Giữa các cấp</Radio>
    </Radio.Group>
  </Form.Item>,
  reason("Ghi chú", false),
];

const returnFields = (resultRecord: ActionContext["resultRecord"]): ReactNode[] => [
  <Form.Item key="via" label="Hình thức trả" name="via" initialValue="direct">
    <Radio.Group>
      <Radio value="direct">Trực tiếp</Radio>
      <Radio value="postal">Bưu chính</Radio>
      <Radio value="online">Trực tuyến</Radio>
    </Radio.Group>
  </Form.Item>,
  evidence("Ghi nhận bàn giao kết quả", resultRecord),
];

const extendFields: ReactNode[] = [
  <Form.Item
    key="dueAt"
    label="Ngày hẹn trả mới"
    name="dueAt"
    rules={[{ required: true, message: "Chọn ngày hẹn trả mới" }]}
  >
    <DatePicker showTime={{ format: "HH:mm" }} format="DD/MM/YYYY HH:mm" style={{ width: "100%" }} />
  </Form.Item>,
  evidence("Thư xin lỗi (số, ký hiệu)"),
  reason("Lý do chậm trễ"),
];

/** The form fields of each action; actions without entry need only a confirmation. */
export function actionFields(action: Action, { components, unitCode, resultRecord }: ActionContext): ReactNode[] {
  switch (action) {
    case "refuse":
      return [reason("Lý do từ chối")];
    case "withdraw":
      return [reason("Lý do rút hồ sơ")];
    case "stop":
      return [reason("Lý do dừng xử lý")];
    case "decline":
      // trả lại hồ sơ sau thẩm định: the notice states why (Decree 61/2018 art. 19(2)(c)); its number is optional
      return declineFields;
    case "request_supplement":
      return supplementFields(components);
    case "assign":
      return [
        <Form.Item
          key="assignee"
          label="Giao cho"
          name="assignee"
          rules={[{ required: true, message: "Chọn người xử lý" }]}
        >
          <OfficerPicker unitCode={unitCode} />
        </Form.Item>,
      ];
    case "transfer":
      return transferFields;
    case "propose_result":
      return [draftUpload, reason("Ý kiến đề xuất", false)];
    case "approve":
      return [reason("Ý kiến phê duyệt", false)];
    case "request_payment":
    case "record_payment":
      return [
        <Form.Item
          key="amount"
          label="Số tiền (đồng)"
          name="amount"
          rules={[{ required: true, message: "Nhập số tiền" }]}
        >
          <InputNumber min={0} step={1000} style={{ width: "100%" }} />
        </Form.Item>,
        ...(action === "record_payment"
          ? [
              <Form.Item key="paidOnline" label="Thanh toán trực tuyến" name="paidOnline" valuePropName="checked">
                <Switch />
              </Form.Item>,
            ]
          : []),
      ];
    case "resolve":
      return resolveFields;
    case "return":
      return returnFields(resultRecord);
    case "extend":
      return extendFields;
    default:
      return [reason("Ghi chú", false)];
  }
}

/**
 * The body for the action: the revision the user saw (a concurrent change makes it fail), and the inputs.
 * `fileId`: the id POST /api/files gave the draft of a propose_result or the result file of a resolve.
 */
export function actionBody(
  action: Action,
  revision: number,
  v: ActionValues,
  fileId?: string,
): Record<string, unknown> {
  const base = { revision, ...(v.reason ? { reason: v.reason } : {}) };
  switch (action) {
    case "request_supplement":
      return { ...base, missing: v.missing ?? [] };
    case "assign":
      return { ...base, assignee: v.assignee };
    case "transfer":
      return { ...base, toUnit: v.toUnit, link: v.link };
    case "propose_result":
      return { ...base, draft: { ...(fileId ? { document: { id: fileId } } : {}) } };
    case "request_payment":
      return { ...base, amount: v.amount };
    case "record_payment":
      return { ...base, amount: v.amount, paidOnline: v.paidOnline ?? false };
    case "resolve":
      return {
        ...base,
        result: { ...(fileId ? { document: { id: fileId } } : {}), ...(v.record?.trim() ? { record: v.record } : {}) },
        // only what was ticked: an unticked box leaves the intake's value (or "not recorded") as it is
        ...(v.eResult ? { eResult: true } : {}),
        ...(v.resultDigitized ? { resultDigitized: true } : {}),
      };
    case "return":
      return { ...base, via: v.via, handover: { record: v.record } };
    case "decline":
      return { ...base, ...(v.record?.trim() ? { notice: { record: v.record.trim() } } : {}) };
    case "extend":
      return { ...base, dueAt: v.dueAt?.toISOString(), apology: { record: v.record } };
    default:
      return base;
  }
}

/** Actions that cannot be undone get a danger button. */
export const DANGEROUS: ReadonlySet<Action> = new Set<Action>(["refuse", "withdraw", "stop", "decline"]);
