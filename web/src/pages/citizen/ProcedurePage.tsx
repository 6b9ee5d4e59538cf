// What a procedure needs (components), how long it takes, what it costs, and whether it can be done online.
import { Descriptions, Space, Spin, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { describeLimit, FORM_NAME, formatDate, formatMoney, LEVEL_NAME, ONLINE_LEVEL_NAME } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { LinkButton } from "../../components/LinkButton.tsx";
import { procedures } from "../../api/procedures.ts";

export function ProcedurePage() {
  const { code = "" } = useParams();
  const { data: p, error, loading } = useLoad((signal) => procedures.get(code ?? "", {}, signal), [code]);
  useTitle(p?.name ?? "Thủ tục hành chính");
  if (loading && !p) return <Spin aria-label="Đang tải" />;
  if (error || !p) return <ProblemAlert message={error ?? "Không tìm thấy thủ tục."} />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <div>
        <Link to="/">← Tìm thủ tục khác</Link>
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 8 }}>
          {p.name}
        </Typography.Title>
        <Space wrap>
          <Tag>{p.code}</Tag>
          <Tag color="blue">{p.field}</Tag>
          <Tag color={p.onlineLevel === "none" ? "default" : "green"}>{ONLINE_LEVEL_NAME[p.onlineLevel]}</Tag>
        </Space>
      </div>
      <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} size="middle">
        <Descriptions.Item label="Thời hạn giải quyết">{describeLimit(p.timeLimit)}</Descriptions.Item>
        <Descriptions.Item label="Cấp thực hiện">{LEVEL_NAME[p.level] ?? p.level}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan thực hiện">{p.agency}</Descriptions.Item>
        <Descriptions.Item label="Mức độ trực tuyến">{ONLINE_LEVEL_NAME[p.onlineLevel]}</Descriptions.Item>
        <Descriptions.Item label="Không phụ thuộc địa giới hành chính">
          {p.boundaryFree ? "Có" : "Không"}
        </Descriptions.Item>
        <Descriptions.Item label="Áp dụng từ ngày">{formatDate(p.effectiveFrom)}</Descriptions.Item>
      </Descriptions>
      <section aria-labelledby="tphs">
        <Typography.Title level={2} id="tphs" style={{ fontSize: 20 }}>
          Thành phần hồ sơ
        </Typography.Title>
        <Table
          size="small"
          rowKey={(c) => c.name}
          pagination={false}
          dataSource={p.components}
          scroll={{ x: true }}
          columns={[
            { title: "STT", render: (_v, _c, i) => i + 1, width: 60 },
            {
              title: "Tên giấy tờ",
              dataIndex: "name",
              render: (name: string, c) => (c.condition ? `${name} (${c.condition})` : name),
            },
            { title: "Loại", dataIndex: "form", render: (f: string) => FORM_NAME[f] ?? f },
            { title: "Số lượng", dataIndex: "count", width: 100 },
          ]}
        />
      </section>
      <section aria-labelledby="phi">
        <Typography.Title level={2} id="phi" style={{ fontSize: 20 }}>
          Phí, lệ phí
        </Typography.Title>
        {p.fees.length === 0 ? (
          <Typography.Paragraph>Không thu phí, lệ phí.</Typography.Paragraph>
        ) : (
          <Table
            size="small"
            rowKey={(f) => f.name}
            pagination={false}
            dataSource={p.fees}
            scroll={{ x: true }}
            columns={[
              { title: "Loại", dataIndex: "name" },
              {
                title: "Mức thu",
                render: (_v, f) => `${formatMoney(f.amount)}${f.per && f.amount ? ` / ${f.per}` : ""}`,
              },
              { title: "Căn cứ", dataIndex: "basis" },
            ]}
          />
        )}
      </section>
      {p.legalBasis && p.legalBasis.length > 0 && (
        <section aria-labelledby="cancu">
          <Typography.Title level={2} id="cancu" style={{ fontSize: 20 }}>
            Căn cứ pháp lý
          </Typography.Title>
          <ul>
            {p.legalBasis.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </section>
      )}
      {p.onlineLevel !== "none" && (
        <LinkButton to={`/nop-truc-tuyen/${encodeURIComponent(p.code)}`} type="primary" size="large">
          Nộp hồ sơ trực tuyến
        </LinkButton>
      )}
    </Space>
  );
}
