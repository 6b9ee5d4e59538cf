// Find a procedure: typed without diacritics ("chung thuc" finds "Chứng thực"), by field, by level and by
// online service. The server searches (unaccent + trigram) and pages.
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { describeLimit, LEVEL_NAME, ONLINE_LEVEL_NAME } from "../../format.ts";
import { useDebounced, useLoad, useTitle } from "../../hooks.ts";
import { useT } from "../../i18n.tsx";
import { procedures } from "../../api/procedures.ts";

const PAGE_SIZE = 10;

export function HomePage() {
  const t = useT();
  useTitle("Tìm thủ tục hành chính");
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebounced(text);
  const field = params.get("field") ?? undefined;
  const online = params.get("online") ?? undefined;
  const level = params.get("level") ?? undefined;
  const page = Number(params.get("page") ?? "1");

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next, { replace: true });
  };

  const fields = useLoad((signal) => procedures.fields(signal), []);
  const result = useLoad(
    (signal) => procedures.search({ q, field, online, level, page, pageSize: PAGE_SIZE }, signal),
    [q, field, online, level, page],
  );

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t("Tìm thủ tục")} hành chính
        </Typography.Title>
        <Typography.Paragraph>
          Gõ tên thủ tục, có dấu hoặc không dấu (ví dụ: <em>chung thuc ban sao</em>, <em>khai sinh</em>).
        </Typography.Paragraph>
        <label htmlFor="tim-thu-tuc" className="visually-hidden">
          Tên thủ tục
        </label>
        <Input.Search
          id="tim-thu-tuc"
          size="large"
          allowClear
          placeholder="Nhập tên thủ tục cần tìm"
          aria-label="Tên thủ tục"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set("q", v)}
          enterButton={t("Tìm kiếm")}
        />
      </div>
      <Space wrap>
        <Select
          aria-label="Lĩnh vực"
          placeholder="Lĩnh vực"
          allowClear
          showSearch
          style={{ minWidth: 220 }}
          value={field}
          onChange={(v) => set("field", v)}
          options={fields.data?.fields.map((f) => ({ value: f.name, label: `${f.name} (${f.count})` }))}
        />
        <Select
          aria-label="Cấp thực hiện"
          placeholder="Cấp thực hiện"
          allowClear
          style={{ minWidth: 160 }}
          value={level}
          onChange={(v) => set("level", v)}
          options={Object.entries(LEVEL_NAME).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="Mức độ trực tuyến"
          placeholder="Mức độ trực tuyến"
          allowClear
          style={{ minWidth: 240 }}
          value={online}
          onChange={(v) => set("online", v)}
          options={Object.entries(ONLINE_LEVEL_NAME).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <ProblemAlert message={result.error} />
      <Card>
        <List
          aria-label="Kết quả tìm kiếm thủ tục"
          loading={result.loading}
          locale={{ emptyText: <Empty description="Không tìm thấy thủ tục phù hợp" /> }}
          dataSource={result.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set("page", String(p)),
            showTotal: (total) => `${total} thủ tục`,
          }}
          renderItem={(p) => (
            <List.Item key={p.code} data-testid="procedure-item">
              <List.Item.Meta
                title={<Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>}
                description={
                  <Space wrap size={[4, 4]}>
                    <Tag>{p.code}</Tag>
                    <Tag color="blue">{p.field}</Tag>
                    <Tag>{LEVEL_NAME[p.level] ?? p.level}</Tag>
                    <Tag color={p.onlineLevel === "none" ? "default" : "green"}>{ONLINE_LEVEL_NAME[p.onlineLevel]}</Tag>
                    <span>Thời hạn: {describeLimit(p.timeLimit)}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
