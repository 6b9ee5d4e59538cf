// Đánh giá mức độ hài lòng: overall score, the officer, and how the procedure felt (seed 004's survey).
import { Alert, Button, Form, Input, Radio, Rate, Typography } from "antd";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { publicApi } from "../../api/public.ts";

interface RatingValues {
  score: number;
  officerScore?: number;
  procedureAssessment?: "simple" | "fewer_papers" | "complicated";
  comment?: string;
}

const SCORE_TEXT = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

export function RatingForm({ code, secret }: { code: string; secret: string }) {
  const [form] = Form.useForm<RatingValues>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (done) return <Alert type="success" showIcon role="status" title="Cảm ơn bạn đã đánh giá chất lượng phục vụ." />;
  return (
    <section aria-labelledby="danh-gia">
      <Typography.Title level={2} id="danh-gia" style={{ fontSize: 18 }}>
        Đánh giá mức độ hài lòng
      </Typography.Title>
      <ProblemAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(undefined);
          try {
            await publicApi.rate({ code, secret, ...v });
            setDone(true);
          } catch (e) {
            setError(showProblem(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          label="Mức độ hài lòng chung"
          name="score"
          rules={[{ required: true, message: "Chọn mức độ hài lòng" }]}
        >
          <Rate tooltips={SCORE_TEXT} aria-label="Mức độ hài lòng chung" />
        </Form.Item>
        <Form.Item label="Thái độ phục vụ của cán bộ" name="officerScore">
          <Rate tooltips={SCORE_TEXT} aria-label="Thái độ phục vụ của cán bộ" />
        </Form.Item>
        <Form.Item label="Thủ tục hành chính" name="procedureAssessment">
          <Radio.Group>
            <Radio value="simple">Đơn giản, dễ thực hiện</Radio>
            <Radio value="fewer_papers">Cần giảm bớt giấy tờ</Radio>
            <Radio value="complicated">Phức tạp</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="Góp ý" name="comment">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Gửi đánh giá
        </Button>
      </Form>
    </section>
  );
}
