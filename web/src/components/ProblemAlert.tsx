import { Alert } from "antd";

/** A page- or form-level error, announced to screen readers. */
export function ProblemAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} role="alert" style={{ marginBottom: 16 }} />;
}
