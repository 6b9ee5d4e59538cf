// Kênh tiếp nhận và dịch vụ công trực tuyến: dossiers received by channel with their shares, and the
// procedures offered at each online level with how many of them received dossiers online (GET /api/reports/channels).
import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { CHANNEL_NAME, formatCount, formatShare, ONLINE_LEVEL_NAME } from "../../format.ts";
import type { Channel, OnlineLevel, Ratio } from "../../types.ts";
import { CodesButton } from "./CodeList.tsx";
import { reports } from "../../api/reports.ts";

const CHANNELS: Channel[] = ["direct", "postal", "online_partial", "online_full"];
const LEVELS: OnlineLevel[] = ["full", "partial", "none"];

function ShareCard({ title, share, testId }: { title: string; share: Ratio; testId: string }) {
  return (
    <Card data-testid={testId}>
      <Statistic title={title} value={formatShare(share)} />
      <Typography.Text type="secondary">
        {formatCount(share.numerator)} / {formatCount(share.denominator)} hồ sơ
      </Typography.Text>
    </Card>
  );
}

export default function ChannelsReportPage() {
  const report = useReport([], reports.channels);
  const { data, loading } = report;
  return (
    <ReportPage title="Kênh tiếp nhận và dịch vụ công trực tuyến" report={report}>
      {data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card data-testid="channels-received">
                <Statistic title="Hồ sơ tiếp nhận trong kỳ" value={formatCount(data.received)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <ShareCard title="Tỷ lệ hồ sơ trực tuyến" share={data.onlineShare} testId="share-online" />
            </Col>
            <Col xs={12} md={6}>
              <ShareCard title="Tỷ lệ trực tuyến toàn trình" share={data.fullyOnlineShare} testId="share-full" />
            </Col>
            <Col xs={12} md={6}>
              <ShareCard title="Tỷ lệ qua bưu chính công ích" share={data.postalShare} testId="share-postal" />
            </Col>
          </Row>
          <Card title="Hồ sơ tiếp nhận theo kênh" size="small">
            <Table<{ channel: Channel }>
              size="small"
              rowKey="channel"
              pagination={false}
              loading={loading}
              data-testid="channels-table"
              dataSource={CHANNELS.map((channel) => ({ channel }))}
              columns={[
                { title: "Kênh tiếp nhận", render: (_v, r) => CHANNEL_NAME[r.channel] },
                {
                  title: "Số hồ sơ",
                  align: "right",
                  render: (_v, r) => (
                    <CodesButton
                      codes={data.dossiers[r.channel]}
                      count={data.byChannel[r.channel]}
                      title={`Hồ sơ tiếp nhận ${CHANNEL_NAME[r.channel].toLowerCase()}`}
                    />
                  ),
                },
                {
                  title: "Tỷ lệ",
                  align: "right",
                  render: (_v, r) =>
                    formatShare({
                      value: data.received === 0 ? null : data.byChannel[r.channel] / data.received,
                    }),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>Tổng cộng</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{formatCount(data.received)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                </Table.Summary.Row>
              )}
            />
          </Card>
          <Card title="Thủ tục theo mức độ dịch vụ công trực tuyến" size="small">
            <Table<{ level: OnlineLevel }>
              size="small"
              rowKey="level"
              pagination={false}
              data-testid="levels-table"
              dataSource={LEVELS.map((level) => ({ level }))}
              columns={[
                { title: "Mức độ", render: (_v, r) => ONLINE_LEVEL_NAME[r.level] },
                {
                  title: "Số thủ tục cung cấp",
                  align: "right",
                  render: (_v, r) => formatCount(data.procedures[r.level].offered),
                },
                {
                  title: "Số thủ tục có hồ sơ trực tuyến",
                  align: "right",
                  render: (_v, r) => formatCount(data.procedures[r.level].withOnlineDossiers),
                },
                {
                  title: "Tỷ lệ thủ tục có phát sinh hồ sơ",
                  align: "right",
                  render: (_v, r) => formatShare(data.procedures[r.level].withOnlineDossiersShare),
                },
                {
                  title: "Số hồ sơ trực tuyến",
                  align: "right",
                  render: (_v, r) => formatCount(data.procedures[r.level].onlineDossiers),
                },
                {
                  title: "Thủ tục có hồ sơ",
                  render: (_v, r) => data.procedures[r.level].procedureCodes.join(", ") || "—",
                },
              ]}
            />
          </Card>
        </>
      )}
    </ReportPage>
  );
}
