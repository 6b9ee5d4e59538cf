// One button per action the server allows for this user on this dossier; each opens its form in a dialog.
import { Alert, App, Button, Form, Modal, Space } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { ApiProblem, codeMessage, newIdempotencyKey } from "../../api.ts";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { actionName, componentName } from "../../format.ts";
import type { Action, Dossier } from "../../types.ts";
import { type ActionValues, actionBody, actionFields, DANGEROUS, RESULT_FILE_FIELD } from "./actionForms.tsx";
import { dossiers } from "../../api/dossiers.ts";
import { files } from "../../api/files.ts";

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads the action's file (POST /api/files, for the dossier's unit) and returns the id the action names. */
async function uploadFile(dossier: Dossier, list: UploadFile[] | undefined): Promise<string | undefined> {
  const file = list?.[0];
  if (!file?.originFileObj) return undefined;
  const stored = await files.upload({
    unitCode: dossier.currentUnit?.code ?? dossier.unit?.code,
    name: file.name,
    contentType: file.type || undefined,
    dataBase64: await toBase64(file.originFileObj),
  });
  return stored.id;
}

/** Staff never act on a citizen's behalf for these. */
const CITIZEN_ONLY: ReadonlySet<Action> = new Set<Action>(["rate", "submit_online"]);

/** The file each action uploads before it is sent. */
function fileOf(action: Action, values: ActionValues): UploadFile[] | undefined {
  if (action === "propose_result") return values.draftFile;
  if (action === "resolve") return values.resultFile;
  return undefined;
}

/**
 * Why resolve is not offered, from the server's reasons (src/dossier/available.ts via `unavailableActions`):
 * waiting for the leader's approval when the procedure's process has a phê duyệt step, with where the proposal
 * stands. Undefined when resolve is offered, or not for this reason.
 */
export function resolveBlockedReason(dossier: Dossier): string | undefined {
  const why = dossier.unavailableActions?.find((u) => u.action === "resolve" && u.code === "approval-required");
  if (!why) return undefined;
  const last = (type: string) => dossier.events.findLastIndex((e) => e.type === type);
  const proposed = last("result_proposed");
  const pending = proposed >= 0 && last("result_approved") < proposed;
  const step = pending
    ? "Kết quả đã trình đang chờ lãnh đạo phê duyệt."
    : "Chuyên viên trình kết quả (dự thảo) để lãnh đạo phê duyệt trước.";
  return `${codeMessage("approval-required")} ${step}`;
}

/** The result number entered at resolve (the last `resolved` event's payload result.record), if any. */
export function resultRecordOf(dossier: Dossier): string | undefined {
  const resolved = dossier.events.findLast((e) => e.type === "resolved");
  const record = (resolved?.payload?.result as { record?: unknown } | undefined)?.record;
  return typeof record === "string" && record.trim() ? record : undefined;
}

export function ActionButtons({ dossier, onDone }: { dossier: Dossier; onDone: (d: Dossier) => void }) {
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const actions = dossier.allowedActions.filter((a) => !CITIZEN_ONLY.has(a));
  const context = {
    // the procedure's components not handed in (the server's supplementChoices), else the checklist
    components: dossier.supplementChoices ?? (dossier.components ?? []).map(componentName),
    unitCode: dossier.currentUnit?.code ?? dossier.unit?.code ?? "",
    resultRecord: resultRecordOf(dossier),
  };

  const open = (a: Action) => {
    form.resetFields();
    setError(undefined);
    setKey(newIdempotencyKey());
    setAction(a);
  };

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      const fileId = await uploadFile(dossier, fileOf(action, values));
      const updated = await dossiers.act(
        dossier.code,
        action,
        actionBody(action, dossier.revision, values, fileId),
        key,
      );
      message.success(`Đã ${actionName(action).toLowerCase()}`);
      setAction(undefined);
      onDone(updated);
    } catch (e) {
      setError(showProblem(form, e));
      // the refusal names no field: it is the result file's
      if (e instanceof ApiProblem && e.code === "result-file-required") {
        form.setFields([{ name: RESULT_FILE_FIELD, errors: [e.userMessage] }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const blocked = resolveBlockedReason(dossier);
  if (actions.length === 0) return <p>Không có thao tác nào dành cho bạn ở trạng thái này.</p>;
  return (
    <>
      <Space wrap aria-label="Thao tác trên hồ sơ">
        {actions.map((a) => (
          <Button
            key={a}
            danger={DANGEROUS.has(a)}
            type={DANGEROUS.has(a) ? "default" : "primary"}
            onClick={() => open(a)}
            data-action={a}
          >
            {actionName(a)}
          </Button>
        ))}
        {blocked && (
          <Button disabled data-action="resolve-unavailable" aria-describedby="resolve-unavailable">
            {actionName("resolve")}
          </Button>
        )}
      </Space>
      {blocked && (
        <Alert
          id="resolve-unavailable"
          data-testid="resolve-unavailable"
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`Chưa thể ${actionName("resolve").toLowerCase()}`}
          description={blocked}
        />
      )}
      <Modal
        open={action !== undefined}
        title={action ? `${actionName(action)} — ${dossier.code}` : ""}
        okText="Xác nhận"
        cancelText="Hủy"
        onOk={submit}
        confirmLoading={busy}
        onCancel={() => setAction(undefined)}
        destroyOnHidden
        okButtonProps={{ danger: action ? DANGEROUS.has(action) : false }}
      >
        <ProblemAlert message={error} />
        <Form form={form} layout="vertical" preserve={false}>
          {action && actionFields(action, context)}
        </Form>
      </Modal>
    </>
  );
}
