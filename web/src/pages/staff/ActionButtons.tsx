// One button per action the server allows for this user on this dossier; each opens its form in a dialog.
import { App, Button, Form, Modal, Space } from "antd";
import { useState } from "react";
import { api, newIdempotencyKey } from "../../api.ts";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { actionName, componentName } from "../../format.ts";
import type { Action, Dossier } from "../../types.ts";
import { type ActionValues, actionBody, actionFields, DANGEROUS } from "./actionForms.tsx";

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads the draft (POST /api/files, for the dossier's unit) and returns the id the action names. */
async function uploadDraft(dossier: Dossier, values: ActionValues): Promise<string | undefined> {
  const file = values.draftFile?.[0];
  if (!file?.originFileObj) return undefined;
  const stored = await api.post<{ id: string }>("/files", {
    unitCode: dossier.currentUnit?.code ?? dossier.unit?.code,
    name: file.name,
    contentType: file.type || undefined,
    dataBase64: await toBase64(file.originFileObj),
  });
  return stored.id;
}

/** Staff never act on a citizen's behalf for these. */
const CITIZEN_ONLY: ReadonlySet<Action> = new Set<Action>(["rate", "submit_online"]);

export function ActionButtons({ dossier, onDone }: { dossier: Dossier; onDone: (d: Dossier) => void }) {
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const actions = dossier.allowedActions.filter((a) => !CITIZEN_ONLY.has(a));
  const context = {
    components: (dossier.components ?? []).map(componentName),
    unitCode: dossier.currentUnit?.code ?? dossier.unit?.code ?? "",
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
      const draftId = action === "propose_result" ? await uploadDraft(dossier, values) : undefined;
      const updated = await api.post<Dossier>(
        `/dossiers/${encodeURIComponent(dossier.code)}/actions/${action}`,
        actionBody(action, dossier.revision, values, draftId),
        { idempotencyKey: key },
      );
      message.success(`Đã ${actionName(action).toLowerCase()}`);
      setAction(undefined);
      onDone(updated);
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

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
      </Space>
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
